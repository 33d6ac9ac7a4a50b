using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Complaints;

/// <summary>
/// 责任认定: who is responsible (a staff member and/or a department, or explicitly no one), what
/// the investigation found, the improvement, and the internal penalty (warning or a fine in fen).
/// </summary>
public sealed record Responsibility(
    bool NoOneResponsible,
    string? Staff,
    string? Department,
    string? Finding,
    string? Improvement,
    InternalPenalty Penalty,
    long PenaltyFen
);

public sealed partial class Complaint
{
    /// <summary>
    /// 结案: only with a responsibility determination and a case summary (DESIGN §6), after the
    /// customer had our reply (and, if major, the explanation) and answered a remedy. The closed
    /// case becomes a precedent.
    /// </summary>
    public void Close(Responsibility r, string? summary, DateTime nowUtc, Actor by)
    {
        ArgumentNullException.ThrowIfNull(r);
        RefuseWhenClosed();
        if (RepliedAtUtc is null)
            throw new DomainException("尚未答复客户，不能结案");
        if (IsMajor && ExplainedAtUtc is null)
            throw new DomainException("重大投诉尚未作出详细说明，不能结案");
        if (Remedy is null || CustomerAccepted is null)
            throw new DomainException("补救措施尚未得到客户答复，不能结案");
        var (staff, department) = (Blank(r.Staff), Blank(r.Department));
        if (r.NoOneResponsible && (staff ?? department) is not null)
            throw DomainException.For("NoOneResponsible", "已认定无责任，不能再填写责任人或责任部门");
        if (!r.NoOneResponsible && (staff ?? department) is null)
            throw DomainException.For("ResponsibleStaff", "请认定责任：填写责任人或责任部门，或认定无责任");
        var finding = Required(r.Finding, "Finding", "请填写责任认定结论");
        var improvement = Required(r.Improvement, "Improvement", "请填写改进措施");
        if (r.Penalty != InternalPenalty.None && staff is null)
            throw DomainException.For("Penalty", "内部处罚须针对责任人");
        if (r.Penalty == InternalPenalty.Fine && r.PenaltyFen <= 0)
            throw DomainException.For("PenaltyAmount", "罚款金额应大于零");
        if (r.Penalty != InternalPenalty.Fine && r.PenaltyFen != 0)
            throw DomainException.For("PenaltyAmount", "只有罚款可以填写金额");
        var caseSummary = Required(summary, "Summary", "请填写案例总结");
        (ResponsibleStaff, ResponsibleDepartment, Finding, Improvement) = (staff, department, finding, improvement);
        (Penalty, PenaltyFen, Summary) = (r.Penalty, r.PenaltyFen, caseSummary);
        (Status, ClosedAtUtc, ClosedBy) = (ComplaintStatus.Closed, nowUtc, by.Name);
        // Closed is the end of the case even when the customer declined the remedy: the committed
        // resolution clock stops here (late if it had already breached), so breach detection never
        // alerts on a closed case.
        ClockOf(WorkOrders.Clocks.ClockKind.ComplaintResolution)?.Meet(nowUtc);
        Append(ComplaintEventType.Closed, nowUtc, nowUtc, by, caseSummary);
    }
}
