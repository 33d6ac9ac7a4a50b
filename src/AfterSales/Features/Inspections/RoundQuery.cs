using System.Globalization;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>The dispatcher's filters of the round list (all optional).</summary>
public sealed record RoundFilter(
    RoundStatus? Status = null,
    Season? Season = null,
    int? Year = null,
    long? CustomerId = null,
    string? TechnicianId = null,
    string? After = null,
    int Limit = 50
);

/// <summary>One line of the round list.</summary>
public sealed record RoundRow(
    long Id,
    long CustomerId,
    string CustomerName,
    long SiteId,
    string SiteName,
    Season Season,
    int SeasonYear,
    DateOnly WindowFrom,
    DateOnly WindowUntil,
    DateTime DueAt,
    RoundStatus Status,
    DateOnly? ScheduledOn,
    string? TechnicianName,
    int Assets
);

public sealed record RoundPage(IReadOnlyList<RoundRow> Rows, string? Next);

/// <summary>
/// The round list, ordered by due instant then id and paged by keyset (the last row's due-id
/// pair, as the work-order board), so a page costs the same on the first and on the thousandth
/// page and rows changing meanwhile cause no duplicate or gap.
/// </summary>
public static class RoundQuery
{
    public const int MaxLimit = 200;

    public static async Task<RoundPage> PageAsync(AppDbContext db, CurrentUser me, RoundFilter f, CancellationToken ct)
    {
        var q = InspectionVisibility.Rounds(db, me).AsNoTracking();
        if (f.Status is { } s)
            q = q.Where(r => r.Status == s);
        if (f.Season is { } season)
            q = q.Where(r => r.Season == season);
        if (f.Year is { } y)
            q = q.Where(r => r.SeasonYear == y);
        if (f.CustomerId is { } c)
            q = q.Where(r => r.CustomerId == c);
        if (!string.IsNullOrEmpty(f.TechnicianId))
            q = q.Where(r => r.TechnicianId == f.TechnicianId);
        if (Cursor(f.After) is { } after)
            q = q.Where(r => r.DueAtUtc > after.Due || (r.DueAtUtc == after.Due && r.Id > after.Id));
        var limit = Math.Clamp(f.Limit, 1, MaxLimit);
        var rows = await q.OrderBy(r => r.DueAtUtc)
            .ThenBy(r => r.Id)
            .Take(limit + 1)
            .Select(r => new RoundRow(
                r.Id,
                r.CustomerId,
                db.Customers.Where(x => x.Id == r.CustomerId).Select(x => x.Name).First(),
                r.SiteId,
                db.Sites.Where(x => x.Id == r.SiteId).Select(x => x.Name).First(),
                r.Season,
                r.SeasonYear,
                r.WindowFrom,
                r.WindowUntil,
                r.DueAtUtc,
                r.Status,
                r.ScheduledOn,
                r.TechnicianName,
                r.Assets.Count
            ))
            .ToListAsync(ct);
        var next = rows.Count > limit ? Key(rows[limit - 1]) : null;
        return new RoundPage(rows.Take(limit).ToList(), next);
    }

    static string Key(RoundRow r) =>
        $"{r.DueAt.Ticks.ToString(CultureInfo.InvariantCulture)}-{r.Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A cursor that cannot be read (edited by hand) starts from the first page.</summary>
    static (DateTime Due, long Id)? Cursor(string? text)
    {
        var parts = text?.Split('-');
        if (
            parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        )
            return null;
        return (new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
