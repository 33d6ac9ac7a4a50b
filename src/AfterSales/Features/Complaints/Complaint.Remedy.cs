using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Complaints;

/// <summary>A remedy as proposed to the customer; a re-service names the work order opened for it.</summary>
public sealed record RemedyProposal(RemedyKind Kind, string? Detail, long AmountFen, long? WorkOrderId, string? Justification);

public sealed partial class Complaint
{
    /// <summary>
    /// 补救措施: apology, re-service (a linked work order), gift, compensation or none. The fairness
    /// verdict (from <see cref="FairnessRules"/> against the precedents) decides whether a written
    /// justification is required; it is recorded on the case either way when given.
    /// </summary>
    public void ProposeRemedy(RemedyProposal p, FairnessVerdict verdict, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(verdict);
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status == ComplaintStatus.Resolved)
            throw new DomainException("客户已接受补救措施，不能再更改");
        if (p.Kind == RemedyKind.Compensation && p.AmountFen <= 0)
            throw DomainException.For("Amount", "补偿金额应大于零");
        if (p.AmountFen < 0 || !FairnessRules.HasAmount(p.Kind) && p.AmountFen != 0)
            throw DomainException.For("Amount", "只有赠品和补偿可以填写金额");
        if (p.Kind == RemedyKind.ReService && p.WorkOrderId is null)
            throw DomainException.For("Kind", "重新服务须关联工单");
        if (verdict.NeedsJustification && string.IsNullOrWhiteSpace(p.Justification))
            throw DomainException.For(
                "Justification",
                "补救措施与先例不一致（{0}），请写明理由",
                Platform.Localization.Texts.T(FairnessRules.Explain(verdict.Finding))
            );
        (Remedy, RemedyDetail, RemedyAmountFen, RemedyWorkOrderId) = (p.Kind, Blank(p.Detail), p.AmountFen, p.WorkOrderId);
        FairnessJustification = Blank(p.Justification);
        (CustomerAccepted, Satisfaction) = (null, null);
        Append(ComplaintEventType.RemedyProposed, occurredAtUtc, nowUtc, by, RemedyNote());
    }

    /// <summary>
    /// The customer's answer to the remedy and their satisfaction (1–5). Accepted, the complaint is
    /// resolved, which meets the committed resolution clock; declined, a new remedy may be proposed.
    /// </summary>
    public void AnswerRemedy(bool accepted, int satisfaction, string? note, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Remedy is null)
            throw new DomainException("尚未提出补救措施");
        if (Status == ComplaintStatus.Resolved)
            throw new DomainException("客户已接受补救措施，不能再更改");
        if (satisfaction is < 1 or > 5)
            throw DomainException.For("Satisfaction", "满意度应为 1 到 5");
        (CustomerAccepted, Satisfaction) = (accepted, satisfaction);
        if (accepted)
        {
            (Status, ResolvedAtUtc) = (ComplaintStatus.Resolved, occurredAtUtc);
            ClockOf(ClockKind.ComplaintResolution)?.Meet(occurredAtUtc);
        }
        Append(ComplaintEventType.RemedyAnswered, occurredAtUtc, nowUtc, by, $"{(accepted ? "接受" : "不接受")} · {satisfaction}/5 {note}");
    }

    /// <summary>The work order opened for a re-service, once intake has numbered it.</summary>
    internal void LinkReService(long workOrderId)
    {
        if (Remedy != RemedyKind.ReService)
            throw new InvalidOperationException("Only a re-service links a work order.");
        RemedyWorkOrderId = workOrderId;
    }

    string RemedyNote() =>
        string.Join(
            " · ",
            new[]
            {
                ComplaintTitles.Of(Remedy!.Value),
                RemedyAmountFen > 0 ? Platform.Formatting.Display.Money(RemedyAmountFen) : null,
                // The fairness justification is internal (it compares with other customers' cases): it stays on the case, not on the timeline the customer sees.
                RemedyDetail,
            }.Where(s => s is not null)
        );
}
