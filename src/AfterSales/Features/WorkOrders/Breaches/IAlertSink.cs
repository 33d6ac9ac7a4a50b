using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// Where a due-soon warning or a breach goes besides the work order's timeline: the dispatcher's
/// and the assignee's alert list. Called once per clock and instant, inside the transaction that
/// claimed it, so an alert is written exactly when the event is.
/// </summary>
public interface IAlertSink
{
    Task RaiseAsync(long workOrderId, ClockKind kind, bool breached, string? assigneeUserId, DateTime nowUtc, CancellationToken ct);
}
