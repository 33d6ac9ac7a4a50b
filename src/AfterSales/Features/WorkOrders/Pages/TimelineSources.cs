using System.Globalization;
using System.Text.Json;
using AfterSales.Features.Documents;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>
/// What the work-order timeline shows besides the work order's own events: each visit's steps
/// (check-in with its location, work recorded, the customer's signature, check-out and rating),
/// the photos taken on site, and, for staff, the audit rows of the work order. The visits and
/// audit sections below the timeline stay, for their report links and old → new values.
/// </summary>
internal static class TimelineSources
{
    // Bookkeeping every change bumps; listing it would only repeat each row.
    static readonly HashSet<string> Mechanical = ["Version", "NextDueUtc", "NextDueKind"];

    public static async Task<List<TimelineEntry>> LoadAsync(AppDbContext db, long workOrderId, bool withAudit, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.WorkOrderId == workOrderId).OrderBy(v => v.Id).ToListAsync(ct);
        var visitIds = visits.Select(v => v.Id).ToList();
        var visitKeys = visitIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var photos =
            visitIds.Count == 0
                ? []
                : await db
                    .Documents.AsNoTracking()
                    .Where(d =>
                        d.OwnerType == DocumentOwner.Visit && visitIds.Contains(d.OwnerId) && d.Kind == DocumentKind.RepairSitePhoto
                    )
                    .OrderBy(d => d.Id)
                    .ToListAsync(ct);
        // The visit keeps its work text, not when it was written: its audit row knows.
        var workRecorded =
            visitKeys.Count == 0
                ? []
                : (
                    await db
                        .AuditEntries.AsNoTracking()
                        .Where(a => a.EntityType == "Visit" && visitKeys.Contains(a.EntityId) && a.Changes.Contains("\"WorkDone\""))
                        .Select(a => new { a.EntityId, a.AtUtc })
                        .ToListAsync(ct)
                )
                    .GroupBy(a => a.EntityId)
                    .ToDictionary(g => g.Key, g => g.Max(a => a.AtUtc));
        var entries = new List<TimelineEntry>();
        foreach (var v in visits)
        {
            entries.Add(new(v.CheckInAtUtc, null, "现场签到", v.CheckInLocation, v.TechnicianName, "visit"));
            if (v.WorkDone is { } work && workRecorded.TryGetValue(v.Id.ToString(CultureInfo.InvariantCulture), out var at))
                entries.Add(new(at, null, "记录工作内容", work, v.TechnicianName, "visit"));
            if (v.SignedAtUtc is { } signed)
                entries.Add(new(signed, null, "客户签字", v.SignerName, null, "visit"));
            if (v.CheckOutAtUtc is { } left)
            {
                entries.Add(new(left, null, "现场签退", null, v.TechnicianName, "visit"));
                if (v.Rating is { } rating)
                    entries.Add(
                        new(
                            left,
                            null,
                            "客户评分",
                            string.IsNullOrWhiteSpace(v.RatingComment)
                                ? Texts.T("{0} 星", rating)
                                : $"{Texts.T("{0} 星", rating)} · {v.RatingComment}",
                            v.SignerName,
                            "visit"
                        )
                    );
            }
        }
        entries.AddRange(
            photos.Select(d => new TimelineEntry(
                d.UploadedAtUtc,
                null,
                "现场照片",
                d.Caption is { } caption ? $"{caption} · {d.FileName}" : d.FileName,
                d.UploadedBy,
                "document",
                d.Id,
                d.HasThumbnail
            ))
        );
        if (withAudit)
            entries.AddRange(await AuditAsync(db, workOrderId, ct));
        return entries;
    }

    static async Task<List<TimelineEntry>> AuditAsync(AppDbContext db, long workOrderId, CancellationToken ct)
    {
        var key = workOrderId.ToString(CultureInfo.InvariantCulture);
        var rows = await db
            .AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(WorkOrder) && a.EntityId == key)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return
        [
            .. rows.Select(a => new TimelineEntry(
                a.AtUtc,
                null,
                AuditNames.Action(a.Action),
                a.Action == AuditAction.Updated ? Summary(a.Changes) : null,
                a.UserName,
                "audit"
            )),
        ];
    }

    static string? Summary(string changes)
    {
        var list = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(changes) ?? [];
        var shown = list.Where(c => c.GetValueOrDefault("p") is { } p && !Mechanical.Contains(p))
            .Select(c => $"{c.GetValueOrDefault("p")}: {c.GetValueOrDefault("o") ?? "—"} → {c.GetValueOrDefault("n") ?? "—"}")
            .ToList();
        return shown.Count == 0 ? null : string.Join("; ", shown);
    }
}
