using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Complaints;

public sealed record ComplaintClockOutput(ClockKind Kind, DateTime StartedUtc, DateTime? DueUtc, DateTime? MetAtUtc, ClockState State);

/// <summary>A complaint as the API shows it. Internal handling (investigation, responsibility, penalties) stays off it.</summary>
public sealed record ComplaintOutput(
    long Id,
    string Number,
    long CustomerId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintStatus Status,
    bool IsMajor,
    long? WorkOrderId,
    long? CallId,
    string Description,
    string? Wish,
    DateTime ReceivedAtUtc,
    string? ReplyText,
    ComplaintChannel? ReplyChannel,
    DateTime? RepliedAtUtc,
    string? ExplanationText,
    ComplaintChannel? ExplanationChannel,
    DateTime? ExplainedAtUtc,
    DateTime? CommittedResolutionUtc,
    RemedyKind? Remedy,
    long RemedyAmountFen,
    long Version,
    IReadOnlyList<ComplaintClockOutput> Clocks
)
{
    public static ComplaintOutput From(Complaint c, DateTime nowUtc, IServiceCalendar calendar) =>
        new(
            c.Id,
            c.Number,
            c.CustomerId,
            c.Channel,
            c.Category,
            c.Status,
            c.IsMajor,
            c.WorkOrderId,
            c.CallId,
            c.Description,
            c.Wish,
            c.ReceivedAtUtc,
            c.ReplyText,
            c.ReplyChannel,
            c.RepliedAtUtc,
            c.ExplanationText,
            c.ExplanationChannel,
            c.ExplainedAtUtc,
            c.CommittedResolutionUtc,
            c.Remedy,
            c.RemedyAmountFen,
            c.Version,
            [
                .. c
                    .Clocks.OrderBy(k => k.Kind)
                    .Select(k => new ComplaintClockOutput(k.Kind, k.StartedUtc, k.DueUtc, k.MetAtUtc, k.At(nowUtc, calendar).State)),
            ]
        );
}
