using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Inspections;

/// <summary>What the technician typed for one checklist item of one asset.</summary>
public sealed record FindingDraft(
    long AssetId,
    long ChecklistItemId,
    string ItemText,
    FindingResult Result,
    string? Notes,
    string? Proposal
);

/// <summary>
/// 检查结果: one checklist item of one asset on one round. A finding that is not ok stays open
/// until it is acted on: a hazard through its preventive work order, a "needs attention" as a
/// proposal (建议) that is carried out or that the customer declines. When and how it was acted
/// on is kept, so it is known for any past instant whether it was still open.
/// </summary>
public sealed class InspectionFinding : IAuditedChild, ICustomerOwned
{
    public const int MaxText = 2000;

    public long Id { get; private set; }
    public long RoundId { get; private set; }
    public long CustomerId { get; private set; }
    public long AssetId { get; private set; }
    public long ContractId { get; private set; }
    public long ChecklistItemId { get; private set; }

    /// <summary>The item's wording when inspected; admins may reword the checklist later.</summary>
    public string ItemText { get; private set; } = "";
    public FindingResult Result { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>建议: what should be done about a problem foreseen.</summary>
    public string? Proposal { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public FindingOutcome Outcome { get; private set; }

    /// <summary>The preventive work order opened for a hazard.</summary>
    public long? WorkOrderId { get; private set; }

    /// <summary>When it stopped being open: fixed, or declined by the customer.</summary>
    public DateTime? ResolvedAtUtc { get; private set; }
    public string? ResolutionNote { get; private set; }
    public string? ResolvedBy { get; private set; }

    string IAuditedChild.AuditParentType => nameof(InspectionRound);
    long IAuditedChild.AuditParentId => RoundId;

    InspectionFinding() { }

    internal static InspectionFinding Create(InspectionRound round, long contractId, FindingDraft d, DateTime nowUtc)
    {
        var f = new InspectionFinding
        {
            RoundId = round.Id,
            CustomerId = round.CustomerId,
            AssetId = d.AssetId,
            ContractId = contractId,
            ChecklistItemId = d.ChecklistItemId,
        };
        f.Revise(d, nowUtc);
        return f;
    }

    public bool IsProblem => Result != FindingResult.Ok;

    /// <summary>Open at an instant: a problem recorded by then and not fixed or declined by then.</summary>
    public bool WasOpenAt(DateTime atUtc) => IsProblem && RecordedAtUtc <= atUtc && (ResolvedAtUtc is null || ResolvedAtUtc > atUtc);

    internal void Revise(FindingDraft d, DateTime nowUtc)
    {
        // A decision is kept as evidence of when the finding stopped being open (accidents are judged
        // by it); re-recording it would silently reopen or contradict that, so it is refused.
        if (Outcome != FindingOutcome.Open)
            throw new DomainException("该项已{0}，不能重新记录检查结果", InspectionTitles.Outcome(Outcome));
        if (!Enum.IsDefined(d.Result))
            throw DomainException.For("Result", "请选择检查结果");
        var notes = InspectionRound.Clean(d.Notes, MaxText, "Notes");
        var proposal = InspectionRound.Clean(d.Proposal, MaxText, "Proposal");
        if (d.Result != FindingResult.Ok && notes is null)
            throw DomainException.For("Notes", "请说明发现的问题");
        if (d.Result == FindingResult.NeedsAttention && proposal is null)
            throw DomainException.For("Proposal", "需关注的项目请填写建议");
        (ItemText, Result, Notes, Proposal, RecordedAtUtc) = (d.ItemText, d.Result, notes, proposal, nowUtc);
    }

    /// <summary>The hazard's preventive work order is open.</summary>
    public void OpenedWorkOrder(long workOrderId)
    {
        RequireOpen();
        (WorkOrderId, Outcome) = (workOrderId, FindingOutcome.InWorkOrder);
    }

    /// <summary>已处理: acted on at <paramref name="atUtc"/> (the work order's restoration, or work recorded here).</summary>
    public void Resolve(DateTime atUtc, long? workOrderId, string? note, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        if (atUtc > nowUtc)
            throw DomainException.For("ResolvedAt", "处理时间不能晚于当前时间");
        if (atUtc < RecordedAtUtc)
            throw DomainException.For("ResolvedAt", "处理时间不能早于发现时间");
        if (workOrderId is null && string.IsNullOrWhiteSpace(note))
            throw DomainException.For("Note", "请说明如何处理");
        (Outcome, ResolvedAtUtc, ResolvedBy) = (FindingOutcome.Fixed, atUtc, by.Name);
        WorkOrderId = workOrderId ?? WorkOrderId;
        ResolutionNote = InspectionRound.Clean(note, MaxText, "Note");
    }

    /// <summary>客户拒绝: the customer declined the proposal; who and why are kept as evidence.</summary>
    public void Decline(string? reason, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.For("Note", "请记录客户拒绝的原因");
        (Outcome, ResolvedAtUtc, ResolvedBy) = (FindingOutcome.Declined, nowUtc, by.Name);
        ResolutionNote = InspectionRound.Clean(reason, MaxText, "Note");
    }

    void RequireOpen()
    {
        if (!IsProblem)
            throw new DomainException("该项检查正常，无需处理");
        if (Outcome is FindingOutcome.Fixed or FindingOutcome.Declined)
            throw new DomainException("该项已{0}", InspectionTitles.Outcome(Outcome));
    }
}
