using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.WorkOrders;

public sealed record ClockOutput(
    ClockKind Kind,
    DateTime StartedAt,
    int WindowMinutes,
    DateTime? DueAt,
    DateTime? DueSoonAt,
    DateTime? MetAt,
    DateTime? BreachedAt,
    int PausedMinutes,
    ClockState State,
    bool Provisional
);

public sealed record EventOutput(long Id, WorkOrderEventType Type, DateTime OccurredAt, DateTime RecordedAt, string By, string? Note);

public sealed record WorkOrderOutput(
    long Id,
    string Number,
    long CustomerId,
    long? ContractId,
    IReadOnlyList<long> AssetIds,
    Channel Channel,
    DateTime ReceivedAt,
    string Description,
    bool IsMajor,
    WorkOrderStatus Status,
    FaultCause Cause,
    Charge Charge,
    string CoverageReason,
    string? TechnicianId,
    string? TechnicianName,
    bool WaitingOnCustomer,
    string? WaitingReason,
    long Version,
    IReadOnlyList<ClockOutput> Clocks,
    IReadOnlyList<EventOutput>? Events
)
{
    public static WorkOrderOutput From(WorkOrder w, DateTime nowUtc, IServiceCalendar calendar, bool withEvents)
    {
        var pauses = w.RestorePauses;
        var clocks = w
            .Clocks.OrderBy(c => c.Kind)
            .Select(c =>
            {
                var s = c.At(nowUtc, calendar, pauses);
                return new ClockOutput(
                    c.Kind,
                    c.StartedUtc,
                    c.WindowMinutes,
                    s.Due?.DueUtc,
                    s.DueSoonUtc,
                    c.MetAtUtc,
                    c.BreachedAtUtc,
                    (int)s.PausedTotal.TotalMinutes,
                    s.State,
                    s.Due?.Provisional ?? false
                );
            })
            .ToList();
        var events = withEvents
            ? w
                .Events.OrderBy(e => e.OccurredAtUtc)
                .ThenBy(e => e.Id)
                .Select(e => new EventOutput(e.Id, e.Type, e.OccurredAtUtc, e.RecordedAtUtc, e.ByName, e.Note))
                .ToList()
            : null;
        return new WorkOrderOutput(
            w.Id,
            w.Number,
            w.CustomerId,
            w.ContractId,
            [.. w.Assets.Select(a => a.AssetId)],
            w.Channel,
            w.ReceivedAtUtc,
            w.Description,
            w.IsMajor,
            w.Status,
            w.Cause,
            w.Charge,
            w.CoverageReasonText,
            w.TechnicianId,
            w.TechnicianName,
            w.OpenPause is not null,
            w.OpenPause?.Reason,
            w.Version,
            clocks,
            events
        );
    }
}
