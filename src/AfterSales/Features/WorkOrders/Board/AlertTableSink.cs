using AfterSales.Features.WorkOrders.Breaches;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>
/// Breach detection's alerts land in the in-app alert list: one for the dispatch desk and one for
/// the assigned technician. Written in the transaction that claimed the clock, so each is written once.
/// </summary>
internal sealed class AlertTableSink(AppDbContext db) : IAlertSink
{
    public async Task RaiseAsync(
        long workOrderId,
        ClockKind kind,
        bool breached,
        string? assigneeUserId,
        DateTime nowUtc,
        CancellationToken ct
    )
    {
        var type = breached ? AlertType.Breached : AlertType.DueSoon;
        db.Add(Alert.For(workOrderId, kind, type, null, nowUtc));
        if (assigneeUserId is not null)
            db.Add(Alert.For(workOrderId, kind, type, assigneeUserId, nowUtc));
        await db.SaveChangesAsync(ct);
    }
}
