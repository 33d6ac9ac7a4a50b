using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.WorkOrders.Agreements;

public enum AgreementStatus
{
    Draft,
    Accepted,
    Declined,
}

/// <summary>A priced line of the quote; amounts in whole fen.</summary>
public sealed record QuoteLine(string Description, int Quantity, long UnitPriceFen);

/// <summary>
/// 维修协议 for chargeable work (DESIGN §2, promise 5): the quote, the agreed completion date and
/// the customer's answer. Editable while a draft; once accepted, its date is the restore deadline
/// and work may start; a declined agreement is kept as it was.
/// </summary>
public sealed class RepairAgreement : IAudited, ICustomerOwned
{
    public const int MaxLines = 50;

    public long Id { get; private set; }
    public long WorkOrderId { get; private set; }
    public long CustomerId { get; private set; }
    public AgreementStatus Status { get; private set; }
    public DateTime AgreedCompletionUtc { get; private set; }
    public long TotalFen { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }

    /// <summary>The customer's contact who accepted (or declined) it.</summary>
    public string? AcceptedByName { get; private set; }
    public DateTime? DeclinedAtUtc { get; private set; }
    public string? DeclineReason { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public List<RepairAgreementLine> Lines { get; private set; } = [];

    RepairAgreement() { }

    public static RepairAgreement Draft(
        WorkOrder w,
        IReadOnlyList<QuoteLine> lines,
        DateTime agreedCompletionUtc,
        Actor by,
        DateTime nowUtc
    )
    {
        if (w.Charge != Charge.Chargeable)
            throw new DomainException("免费服务无需维修协议");
        if (w.IsClosed)
            throw new DomainException("工单已关闭，请先重新打开");
        var a = new RepairAgreement
        {
            WorkOrderId = w.Id,
            CustomerId = w.CustomerId,
            Status = AgreementStatus.Draft,
            CreatedBy = by.Name,
            CreatedAtUtc = nowUtc,
        };
        a.Revise(w, lines, agreedCompletionUtc);
        return a;
    }

    /// <summary>Bulk data only: the agreement of a work order whose history already accepted it.</summary>
    internal static RepairAgreement AlreadyAccepted(
        WorkOrder w,
        IReadOnlyList<QuoteLine> lines,
        DateTime agreedUtc,
        string acceptedByName,
        DateTime acceptedAtUtc,
        Actor by
    )
    {
        var a = new RepairAgreement
        {
            WorkOrderId = w.Id,
            CustomerId = w.CustomerId,
            Status = AgreementStatus.Draft,
            CreatedBy = by.Name,
            CreatedAtUtc = acceptedAtUtc,
        };
        a.Revise(w, lines, agreedUtc);
        (a.Status, a.AcceptedAtUtc, a.AcceptedByName) = (AgreementStatus.Accepted, acceptedAtUtc, acceptedByName);
        return a;
    }

    /// <summary>Replaces the quote and date; only a draft can change.</summary>
    public void Revise(WorkOrder w, IReadOnlyList<QuoteLine> lines, DateTime agreedCompletionUtc)
    {
        RequireDraft();
        if (lines.Count == 0)
            throw DomainException.For("Lines", "请至少填写一项报价");
        if (lines.Count > MaxLines)
            throw DomainException.For("Lines", "报价最多 {0} 项", MaxLines);
        if (agreedCompletionUtc <= w.ReceivedAtUtc)
            throw DomainException.For("AgreedCompletion", "约定完成时间必须晚于受理时间");
        long total = 0;
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(line.Description))
                throw DomainException.For($"Lines[{i}].Description", "第 {0} 项：请填写项目", i + 1);
            if (line.Quantity <= 0)
                throw DomainException.For($"Lines[{i}].Quantity", "第 {0} 项：数量必须大于零", i + 1);
            if (line.UnitPriceFen < 0)
                throw DomainException.For($"Lines[{i}].UnitPrice", "第 {0} 项：单价不能为负数", i + 1);
            // Checked: a huge price × quantity is refused, never wrapped round to a small amount.
            total =
                line.UnitPriceFen <= Platform.Formatting.MoneyInput.MaxFen
                && long.MaxValue / line.Quantity >= line.UnitPriceFen
                && line.Quantity * line.UnitPriceFen <= Platform.Formatting.MoneyInput.MaxFen - total
                    ? total + line.Quantity * line.UnitPriceFen
                    : throw DomainException.For(
                        "Lines",
                        "报价合计不能超过{0}",
                        Platform.Formatting.Display.Money(Platform.Formatting.MoneyInput.MaxFen)
                    );
        }
        Lines.Clear();
        Lines.AddRange(lines.Select((l, i) => new RepairAgreementLine(i + 1, l.Description.Trim(), l.Quantity, l.UnitPriceFen)));
        (AgreedCompletionUtc, TotalFen) = (agreedCompletionUtc, total);
    }

    /// <summary>The customer's contact accepted: the work order's restore deadline becomes the agreed date.</summary>
    public void Accept(
        WorkOrder w,
        string acceptedByName,
        DateTime acceptedAtUtc,
        Clocks.IServiceCalendar calendar,
        Actor by,
        DateTime nowUtc
    )
    {
        RequireDraft();
        if (string.IsNullOrWhiteSpace(acceptedByName))
            throw DomainException.For("AcceptedByName", "请填写确认人");
        if (acceptedAtUtc > nowUtc)
            throw DomainException.For("AcceptedAt", "确认时间不能晚于当前时间");
        if (acceptedAtUtc < w.ReceivedAtUtc)
            throw DomainException.For("AcceptedAt", "确认时间不能早于受理时间");
        w.AcceptRepairAgreement(AgreedCompletionUtc, calendar, by, nowUtc);
        (Status, AcceptedAtUtc, AcceptedByName) = (AgreementStatus.Accepted, acceptedAtUtc, acceptedByName.Trim());
    }

    public void Decline(string byName, string? reason, DateTime nowUtc)
    {
        RequireDraft();
        if (string.IsNullOrWhiteSpace(byName))
            throw DomainException.For("AcceptedByName", "请填写确认人");
        (Status, DeclinedAtUtc, AcceptedByName) = (AgreementStatus.Declined, nowUtc, byName.Trim());
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    void RequireDraft()
    {
        if (Status != AgreementStatus.Draft)
            throw new DomainException("维修协议{0}，不能再更改", Platform.Localization.Texts.T(AgreementTitles.Of(Status)));
    }
}

public sealed class RepairAgreementLine
{
    public long Id { get; private set; }
    public long RepairAgreementId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = "";
    public int Quantity { get; private set; }
    public long UnitPriceFen { get; private set; }
    public long AmountFen => Quantity * UnitPriceFen;

    RepairAgreementLine() { }

    internal RepairAgreementLine(int position, string description, int quantity, long unitPriceFen) =>
        (Position, Description, Quantity, UnitPriceFen) = (position, description, quantity, unitPriceFen);
}

public static class AgreementTitles
{
    public static string Of(AgreementStatus s) =>
        s switch
        {
            AgreementStatus.Draft => "待客户确认",
            AgreementStatus.Accepted => "客户已确认",
            AgreementStatus.Declined => "客户已拒绝",
        };
}
