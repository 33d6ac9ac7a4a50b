using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// Breach detection found a clock due soon or breached. The event happened at the clock's
    /// instant (not when the scan noticed it) and is recorded by the system. It changes no state
    /// and leaves the version alone, so a person editing the work order at that moment is not refused.
    /// </summary>
    internal void RecordClockAlert(ClockKind kind, bool breached, DateTime occurredAtUtc, DateTime nowUtc) =>
        Append(
            breached ? WorkOrderEventType.ClockBreached : WorkOrderEventType.ClockDueSoon,
            occurredAtUtc,
            nowUtc,
            Actor.System,
            WorkOrderTitles.Of(kind)
        );
}
