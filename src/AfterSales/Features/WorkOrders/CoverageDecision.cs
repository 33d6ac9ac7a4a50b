using AfterSales.Features.Contracts;

namespace AfterSales.Features.WorkOrders;

/// <summary>What the customer reports, as far as the agent can tell at intake.</summary>
public enum FaultCause
{
    /// <summary>Not known yet; decided after diagnosis.</summary>
    Unknown,

    /// <summary>制造或安装缺陷.</summary>
    Defect,

    /// <summary>使用不当 (damage, vandalism, wrong use).</summary>
    Misuse,

    /// <summary>咨询: a question, no repair.</summary>
    Consultation,
}

public enum Charge
{
    Free,
    Chargeable,

    /// <summary>Cannot be decided until the cause is known.</summary>
    Undetermined,
}

/// <summary>The decision with its reason (a dictionary key with arguments) so it can be shown and audited.</summary>
public sealed record CoverageDecision(Charge Charge, string Reason, object?[] ReasonArgs)
{
    /// <summary>Chargeable work starts only after the customer accepts a repair agreement (DESIGN §2, promise 5).</summary>
    public bool RequiresRepairAgreement => Charge == Charge.Chargeable;

    /// <summary>
    /// Decides who pays (DESIGN §2, promises 1, 2, 5): a defect within the warranty is repaired
    /// free, parts and labour included; misuse is repaired at the customer's cost under a repair
    /// agreement, in or out of warranty; any repair after the warranty is chargeable; a
    /// consultation is free within the technical-service period. Before delivery into use the
    /// product is still ours to hand over, so a defect is free.
    /// </summary>
    public static CoverageDecision Decide(FaultCause cause, CoveragePeriods? coverage, DateOnly day)
    {
        if (coverage is null)
            return cause == FaultCause.Misuse
                ? new(Charge.Chargeable, "使用不当造成的损坏，按维修协议收费", [])
                : new(Charge.Undetermined, "未关联合同设备，待确认设备后判定", []);
        var warranty = coverage.Warranty;
        return cause switch
        {
            FaultCause.Misuse => new(Charge.Chargeable, "使用不当造成的损坏，按维修协议收费", []),
            FaultCause.Consultation when coverage.TechnicalService.IsActiveOn(day) => new(
                Charge.Free,
                "免费技术服务期内（至 {0}）的咨询，免费",
                [Format(coverage.TechnicalService.Until)]
            ),
            FaultCause.Consultation when coverage.TechnicalService.Pending => new(Charge.Free, "尚未终验，咨询免费", []),
            FaultCause.Consultation => new(
                Charge.Chargeable,
                "免费技术服务期已于 {0} 结束，咨询收费",
                [Format(coverage.TechnicalService.Until)]
            ),
            FaultCause.Defect when warranty.Pending || warranty.From > day => new(Charge.Free, "尚未交付使用，按合同交付义务免费处理", []),
            FaultCause.Defect when warranty.IsActiveOn(day) => new(
                Charge.Free,
                "质保期内（至 {0}）的制造或安装缺陷，免费维修，含材料和人工",
                [Format(warranty.Until)]
            ),
            FaultCause.Defect => new(Charge.Chargeable, "质保期已于 {0} 结束，维修收费", [Format(warranty.Until)]),
            FaultCause.Unknown when warranty.HasEndedBy(day) => new(
                Charge.Chargeable,
                "质保期已于 {0} 结束，维修收费",
                [Format(warranty.Until)]
            ),
            FaultCause.Unknown => new(Charge.Undetermined, "原因待诊断：制造或安装缺陷免费，使用不当收费", []),
        };
    }

    static string Format(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
