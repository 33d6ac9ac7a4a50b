using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.WorkOrders;

/// <summary>What intake knows about a new request.</summary>
public sealed record Intake(
    long CustomerId,
    long? ContractId,
    IReadOnlyList<long> AssetIds,
    Channel Channel,
    DateTime ReceivedAtUtc,
    string? BackdateReason,
    string Description,
    string? ContactName,
    string? ContactPhone,
    bool IsMajor,
    FaultCause Cause
);

public sealed partial class WorkOrder
{
    /// <summary>
    /// Opens a work order: the response and restore clocks start at receipt (DESIGN §4), the
    /// expert clock too when it is major. A time more than a few minutes in the past needs a reason;
    /// a future time is refused.
    /// </summary>
    public static WorkOrder Open(
        string number,
        Intake intake,
        ServiceTerms terms,
        CoverageDecision coverage,
        IServiceCalendar calendar,
        string timeZone,
        Actor by,
        DateTime nowUtc,
        string? idempotencyKey = null
    )
    {
        if (intake.ReceivedAtUtc > nowUtc)
            throw DomainException.For("ReceivedAt", "受理时间不能晚于当前时间");
        if (nowUtc - intake.ReceivedAtUtc > BackdateTolerance && string.IsNullOrWhiteSpace(intake.BackdateReason))
            throw DomainException.For("BackdateReason", "受理时间早于当前时间，请说明补录原因");
        if (string.IsNullOrWhiteSpace(intake.Description))
            throw DomainException.For("Description", "请填写问题描述");
        var w = new WorkOrder
        {
            Number = number,
            CustomerId = intake.CustomerId,
            ContractId = intake.ContractId,
            Channel = intake.Channel,
            ReceivedAtUtc = intake.ReceivedAtUtc,
            BackdateReason = string.IsNullOrWhiteSpace(intake.BackdateReason) ? null : intake.BackdateReason.Trim(),
            Description = intake.Description.Trim(),
            ContactName = Blank(intake.ContactName),
            ContactPhone = Blank(intake.ContactPhone),
            IsMajor = intake.IsMajor,
            Status = WorkOrderStatus.Received,
            Cause = intake.Cause,
            Calendar = terms.Calendar,
            TimeZone = timeZone,
            CreatedAtUtc = nowUtc,
            CreatedBy = by.Name,
            IdempotencyKey = idempotencyKey,
            Version = 1,
        };
        w.Assets.AddRange(intake.AssetIds.Distinct().Select(a => new WorkOrderAsset(a)));
        w.Decide(coverage);
        w.StartClock(ClockKind.Response, intake.ReceivedAtUtc, TimeSpan.FromHours(terms.ResponseHours), calendar);
        w.StartClock(ClockKind.Restore, intake.ReceivedAtUtc, TimeSpan.FromHours(terms.RestoreHours), calendar);
        if (intake.IsMajor)
            w.StartClock(ClockKind.Expert, intake.ReceivedAtUtc, TimeSpan.FromHours(terms.ExpertHours), calendar);
        w.Append(WorkOrderEventType.Received, intake.ReceivedAtUtc, nowUtc, by, w.BackdateReason);
        w.Append(WorkOrderEventType.CoverageDecided, intake.ReceivedAtUtc, nowUtc, Actor.System, w.CoverageReason);
        w.RefreshNextDue();
        return w;
    }

    /// <summary>A request logged within this time of its receipt counts as logged "now".</summary>
    public static readonly TimeSpan BackdateTolerance = TimeSpan.FromMinutes(10);

    void Decide(CoverageDecision d)
    {
        Charge = d.Charge;
        CoverageReason = string.Join('|', new[] { d.Reason }.Concat(d.ReasonArgs.Select(a => a?.ToString() ?? "")));
    }

    void StartClock(ClockKind kind, DateTime startUtc, TimeSpan window, IServiceCalendar calendar)
    {
        var clock = new WorkOrderClock(kind, startUtc, window);
        clock.Recompute(calendar, RestorePauses);
        Clocks.Add(clock);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
