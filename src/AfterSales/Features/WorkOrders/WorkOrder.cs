using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// 工单: one service request, its clocks and its timeline. Every state change is a verb that
/// checks the order of events and appends an event; see README.md in this folder for the lifecycle.
/// </summary>
public sealed partial class WorkOrder : IAudited, ICustomerOwned
{
    public long Id { get; private set; }

    /// <summary>工单号, e.g. GD-20261125-0001 (date of receipt in Beijing time).</summary>
    public string Number { get; private set; } = "";
    public long CustomerId { get; private set; }
    public long? ContractId { get; private set; }
    public Channel Channel { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>Why the request is logged after it was received (a call taken during an outage…).</summary>
    public string? BackdateReason { get; private set; }
    public string Description { get; private set; } = "";
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsMajor { get; private set; }
    public WorkOrderStatus Status { get; private set; }
    public FaultCause Cause { get; private set; }
    public Charge Charge { get; private set; }

    /// <summary>Reason of the coverage decision: dictionary template and its arguments joined by '|'.</summary>
    public string CoverageReason { get; private set; } = "";
    public string? CoverageOverrideReason { get; private set; }
    public bool RepairAgreementAccepted { get; private set; }
    public string? TechnicianId { get; private set; }
    public string? TechnicianName { get; private set; }

    /// <summary>Calendar and zone fixed at intake, so a later change of terms does not move deadlines.</summary>
    public ServiceCalendarKind Calendar { get; private set; }
    public string TimeZone { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>Client-chosen key of an API request ("client:key"), so a retry never creates a second work order.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Optimistic concurrency: every change increments it; a stale writer gets 409.</summary>
    public long Version { get; private set; }

    public List<WorkOrderAsset> Assets { get; private set; } = [];
    public List<WorkOrderEvent> Events { get; private set; } = [];
    public List<WorkOrderClock> Clocks { get; private set; } = [];
    public List<WorkOrderPause> Pauses { get; private set; } = [];

    WorkOrder() { }

    public bool IsClosed => Status == WorkOrderStatus.Closed;

    public WorkOrderClock? ClockOf(ClockKind kind) => Clocks.FirstOrDefault(c => c.Kind == kind);

    public IReadOnlyList<Pause> RestorePauses => [.. Pauses.OrderBy(p => p.FromUtc).Select(p => p.ToPause())];

    public WorkOrderPause? OpenPause => Pauses.FirstOrDefault(p => p.ToUtc is null);

    /// <summary>The coverage reason in the current UI language.</summary>
    public string CoverageReasonText =>
        CoverageReason.Split('|') is var parts && parts.Length > 0
            ? Platform.Localization.Texts.T(parts[0], parts.Skip(1).Cast<object?>().ToArray())
            : "";

    void Touch()
    {
        Version++;
        RefreshNextDue();
    }

    void Append(WorkOrderEventType type, DateTime occurredAtUtc, DateTime nowUtc, Actor by, string? note = null) =>
        Events.Add(new WorkOrderEvent(type, occurredAtUtc, nowUtc, by, note));

    /// <summary>Every event happens after receipt and not in the future.</summary>
    void CheckOccurred(DateTime occurredAtUtc, DateTime nowUtc)
    {
        if (occurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "发生时间不能晚于当前时间");
        if (occurredAtUtc < ReceivedAtUtc)
            throw DomainException.For(
                "OccurredAt",
                "发生时间不能早于受理时间 {0}",
                Platform.Formatting.Display.Instant(ReceivedAtUtc, TimeZone)
            );
    }

    void RefuseWhenClosed()
    {
        if (IsClosed)
            throw new DomainException("工单已关闭，请先重新打开");
    }
}

/// <summary>An asset the request is about (none when the caller is not sure).</summary>
public sealed class WorkOrderAsset
{
    public long WorkOrderId { get; private set; }
    public long AssetId { get; private set; }

    WorkOrderAsset() { }

    internal WorkOrderAsset(long assetId) => AssetId = assetId;
}
