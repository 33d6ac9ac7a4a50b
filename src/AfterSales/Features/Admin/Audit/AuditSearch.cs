using System.Text.Json;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Audit;

/// <summary>What to look for in the audit trail. Dates are calendar days in Asia/Shanghai, both inclusive.</summary>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? User, DateOnly? From, DateOnly? To, int Page);

public sealed record AuditChange(string Property, string? Old, string? New);

/// <summary>
/// The newest entries first, one page at a time. Pages are counted by "is there a next one"
/// rather than a total, so that browsing a trail of millions of rows costs one small query.
/// </summary>
public static class AuditSearch
{
    public const int PageSize = 50;

    public static async Task<(IReadOnlyList<AuditEntry> Entries, bool HasMore)> RunAsync(
        AppDbContext db,
        AuditFilter filter,
        CancellationToken ct
    )
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            if (!string.IsNullOrWhiteSpace(filter.EntityId))
            {
                // A record's history includes its children's (a customer's contacts and sites).
                var id = filter.EntityId.Trim();
                query = query.Where(e => (e.EntityType == type && e.EntityId == id) || (e.ParentType == type && e.ParentId == id));
            }
            else
            {
                query = query.Where(e => e.EntityType == type);
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(e => e.UserName.Contains(user));
        }
        if (filter.From is { } from)
        {
            var start = StartOf(from);
            query = query.Where(e => e.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            query = query.Where(e => e.AtUtc < end);
        }
        var page = Math.Max(1, filter.Page);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public static IReadOnlyList<AuditChange> Changes(AuditEntry entry) =>
        [
            .. (JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(entry.Changes) ?? []).Select(c => new AuditChange(
                c.GetValueOrDefault("p") ?? "",
                c.GetValueOrDefault("o"),
                c.GetValueOrDefault("n")
            )),
        ];

    static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Display.Zone(null));
}
