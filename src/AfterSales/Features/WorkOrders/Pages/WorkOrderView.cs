using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>A clock as the clocks panel shows it, computed at the moment the page is drawn.</summary>
public sealed record ClockRow(
    ClockKind Kind,
    DateTime StartedUtc,
    DateTime? DueUtc,
    DateTime? MetAtUtc,
    TimeSpan Paused,
    ClockState State,
    bool Provisional
)
{
    public string Css =>
        State switch
        {
            ClockState.Running => "text-bg-primary",
            ClockState.DueSoon => "text-bg-warning",
            ClockState.Met => "text-bg-success",
            ClockState.Breached => "text-bg-danger",
            ClockState.Paused => "text-bg-secondary",
        };
}

/// <summary>One line of the timeline: an event, a clock warning or breach, a document or photo, a step of a visit, or an audit row.</summary>
public sealed record TimelineEntry(
    DateTime OccurredAtUtc,
    DateTime? RecordedAtUtc,
    string Title,
    string? Note,
    string? By,
    string Kind,
    long? DocumentId = null,
    bool Thumbnail = false
);

/// <summary>Everything the work-order page shows, read in a few queries.</summary>
public sealed record WorkOrderView(
    WorkOrder WorkOrder,
    string CustomerName,
    List<string> Assets,
    List<ClockRow> Clocks,
    List<TimelineEntry> Timeline
)
{
    public static async Task<WorkOrderView?> LoadAsync(
        AppDbContext db,
        IQueryable<WorkOrder> visible,
        long id,
        DateTime nowUtc,
        ServiceCalendarProvider calendars,
        bool withAudit,
        CancellationToken ct
    )
    {
        var w = await visible
            .AsNoTracking()
            .Include(x => x.Clocks)
            .Include(x => x.Pauses)
            .Include(x => x.Events)
            .Include(x => x.Assets)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null)
            return null;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == w.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var assetIds = w.Assets.Select(a => a.AssetId).ToList();
        var assets = await db
            .Assets.AsNoTracking()
            .Where(a => assetIds.Contains(a.Id))
            .OrderBy(a => a.Id)
            .Select(a => a.ProductType!.Name + " · " + a.Site!.Name + " · " + a.Location)
            .ToListAsync(ct);
        var documents = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == id)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var merged = await TimelineSources.LoadAsync(db, id, withAudit, ct);
        var calendar = await calendars.ForAsync(w, ct);
        var pauses = w.RestorePauses;
        var clocks = w
            .Clocks.OrderBy(c => c.Kind)
            .Select(c =>
            {
                var s = c.At(nowUtc, calendar, pauses);
                return new ClockRow(c.Kind, c.StartedUtc, s.Due?.DueUtc, c.MetAtUtc, s.PausedTotal, s.State, s.Due?.Provisional ?? false);
            })
            .ToList();
        return new WorkOrderView(
            w,
            customer ?? "",
            assets,
            clocks,
            [.. TimelineOf(w, documents).Concat(merged).OrderBy(e => e.OccurredAtUtc)]
        );
    }

    /// <summary>
    /// Events, clock warnings and breaches, and documents. Warnings and breaches are read from the
    /// clocks themselves (where breach detection stamps them), so events of those types are not
    /// listed twice. Visits, their photos and the audit rows come from <see cref="TimelineSources"/>;
    /// everything is merged in the order it happened.
    /// </summary>
    static List<TimelineEntry> TimelineOf(WorkOrder w, List<Document> documents)
    {
        var entries = w
            .Events.Where(e => e.Type is not (WorkOrderEventType.ClockDueSoon or WorkOrderEventType.ClockBreached))
            .OrderBy(e => e.Id)
            .Select(e => new TimelineEntry(
                e.OccurredAtUtc,
                e.RecordedAtUtc,
                WorkOrderTitles.Of(e.Type),
                e.Type == WorkOrderEventType.CoverageDecided ? w.CoverageReasonText : e.Note,
                e.ByName,
                "event"
            ))
            .ToList();
        foreach (var c in w.Clocks)
        {
            if (c.DueSoonAlertedAtUtc is { } soon)
                entries.Add(
                    new(soon, null, WorkOrderTitles.Of(WorkOrderEventType.ClockDueSoon), WorkOrderTitles.Of(c.Kind), null, "due-soon")
                );
            if (c.BreachedAtUtc is { } breached)
                entries.Add(
                    new(breached, null, WorkOrderTitles.Of(WorkOrderEventType.ClockBreached), WorkOrderTitles.Of(c.Kind), null, "breach")
                );
        }
        entries.AddRange(
            documents.Select(d => new TimelineEntry(
                d.UploadedAtUtc,
                null,
                d.IsImage ? "已上传照片" : "上传文档",
                d.Caption is { } caption ? $"{caption} · {d.FileName}" : d.FileName,
                d.UploadedBy,
                "document",
                d.Id,
                d.HasThumbnail
            ))
        );
        return [.. entries.OrderBy(e => e.OccurredAtUtc)];
    }
}
