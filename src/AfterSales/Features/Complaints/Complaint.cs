using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Complaints;

/// <summary>
/// 投诉: one complaint, its clocks and its timeline, from receipt to a closed case that serves as
/// a precedent. Every step is a verb that checks where the case stands and appends an event; see
/// README.md in this folder for the steps and the principles behind them (DESIGN §2 promise 15, §6).
/// </summary>
public sealed partial class Complaint : IAudited, ICustomerOwned
{
    public long Id { get; private set; }

    /// <summary>投诉编号, e.g. TS-20261125-0001 (date of receipt in Beijing time).</summary>
    public string Number { get; private set; } = "";
    public long CustomerId { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    public ComplaintCategory Category { get; private set; }
    public long? WorkOrderId { get; private set; }

    /// <summary>The staff member the customer complains about, as the customer named them.</summary>
    public string? StaffMember { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>What the customer wants (诉求).</summary>
    public string? Wish { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public string? BackdateReason { get; private set; }
    public bool IsMajor { get; private set; }

    /// <summary>The hotline call the complaint was taken from (the hotline log's id; no foreign key).</summary>
    public long? CallId { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string TimeZone { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    // 接待: the principles of thanking, listening and apologising, as the handler recorded them.
    public bool Thanked { get; private set; }
    public bool HeardOut { get; private set; }
    public bool Apologised { get; private set; }

    /// <summary>The manager the case was escalated to: the name shown, and the user (alerted).</summary>
    public string? EscalatedTo { get; private set; }
    public string? EscalatedToUserId { get; private set; }
    public string? EscalationReason { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }

    public string? ReplyText { get; private set; }
    public ComplaintChannel? ReplyChannel { get; private set; }
    public DateTime? RepliedAtUtc { get; private set; }

    public string? ExplanationText { get; private set; }
    public ComplaintChannel? ExplanationChannel { get; private set; }
    public DateTime? ExplainedAtUtc { get; private set; }
    public DateTime? CommittedResolutionUtc { get; private set; }

    public RemedyKind? Remedy { get; private set; }
    public string? RemedyDetail { get; private set; }
    public long RemedyAmountFen { get; private set; }
    public long? RemedyWorkOrderId { get; private set; }

    /// <summary>Why a remedy far from its precedents is still fair (公平原则); required exactly when it deviates.</summary>
    public string? FairnessJustification { get; private set; }
    public bool? CustomerAccepted { get; private set; }

    /// <summary>Customer satisfaction with the remedy, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int? Satisfaction { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }

    public string? ResponsibleStaff { get; private set; }
    public string? ResponsibleDepartment { get; private set; }
    public string? Finding { get; private set; }
    public string? Improvement { get; private set; }
    public InternalPenalty Penalty { get; private set; }
    public long PenaltyFen { get; private set; }
    public string? Summary { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }

    public long Version { get; private set; }

    public List<ComplaintEvent> Events { get; private set; } = [];
    public List<ComplaintClock> Clocks { get; private set; } = [];

    Complaint() { }

    public bool IsClosed => Status == ComplaintStatus.Closed;

    public ComplaintClock? ClockOf(WorkOrders.Clocks.ClockKind kind) => Clocks.FirstOrDefault(c => c.Kind == kind);

    /// <summary>The text precedents are compared by: what happened and what the customer wants.</summary>
    public string PrecedentText => string.Join(' ', new[] { Description, Wish, Summary }.Where(s => !string.IsNullOrWhiteSpace(s)));

    void Append(ComplaintEventType type, DateTime occurredAtUtc, DateTime nowUtc, Actor by, string? note = null)
    {
        Events.Add(new ComplaintEvent(type, occurredAtUtc, nowUtc, by, note));
        Version++;
    }

    /// <summary>
    /// Breach detection found a clock due soon or breached: an event at the clock's instant, by
    /// the system. The version is left alone so a handler editing the case is not refused.
    /// <see cref="CheckVersion"/> is the page's guard against a stale form.
    /// </summary>
    internal void RecordClockAlert(WorkOrders.Clocks.ClockKind kind, bool breached, DateTime occurredAtUtc, DateTime nowUtc) =>
        Events.Add(
            new ComplaintEvent(
                breached ? ComplaintEventType.ClockBreached : ComplaintEventType.ClockDueSoon,
                occurredAtUtc,
                nowUtc,
                Actor.System,
                WorkOrderTitles.Of(kind)
            )
        );

    /// <summary>The form was filled in on an older state of the case: refused, so nobody overwrites a change unseen.</summary>
    public void CheckVersion(long? expected)
    {
        if (expected is { } v && v != Version)
            throw new DomainException("投诉已被他人更新，请刷新后重试");
    }

    void RefuseWhenClosed()
    {
        if (IsClosed)
            throw new DomainException("投诉已结案，不能再修改");
    }

    /// <summary>Every step happens after receipt and not in the future.</summary>
    void CheckOccurred(DateTime occurredAtUtc, DateTime nowUtc)
    {
        if (occurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "发生时间不能晚于当前时间");
        if (occurredAtUtc < ReceivedAtUtc)
            throw DomainException.For("OccurredAt", "发生时间不能早于受理时间");
    }

    static string Required(string? text, string field, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw DomainException.For(field, message) : text.Trim();

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
