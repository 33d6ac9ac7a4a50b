using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;

namespace AfterSales.Tests.Features.WorkOrders;

public sealed class CoverageDecisionTests
{
    // Delivered 2025-01-10 (warranty 24 months → until 2027-01-09); final acceptance 2025-02-01
    // (technical service 60 months → until 2030-01-31).
    static readonly CoveragePeriods Delivered = CoveragePeriods.Of(
        new DateOnly(2025, 1, 10),
        new DateOnly(2025, 2, 1),
        ServiceTerms.TenderDefaults()
    );

    static readonly CoveragePeriods NotDelivered = CoveragePeriods.Of(null, null, ServiceTerms.TenderDefaults());

    public static TheoryData<FaultCause, string, Charge, string> Cases =>
        new()
        {
            { FaultCause.Defect, "2026-11-25", Charge.Free, "质保期内" },
            { FaultCause.Defect, "2027-01-09", Charge.Free, "质保期内" }, // the last day of the warranty
            { FaultCause.Defect, "2027-01-10", Charge.Chargeable, "质保期已于 2027-01-09 结束" },
            { FaultCause.Misuse, "2026-11-25", Charge.Chargeable, "使用不当" }, // even within the warranty
            { FaultCause.Consultation, "2029-06-01", Charge.Free, "免费技术服务期内" },
            { FaultCause.Consultation, "2030-02-01", Charge.Chargeable, "免费技术服务期已于 2030-01-31 结束" },
            { FaultCause.Unknown, "2026-11-25", Charge.Undetermined, "原因待诊断" },
            { FaultCause.Unknown, "2027-03-01", Charge.Chargeable, "质保期已于" },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_decision_follows_the_contract_terms(FaultCause cause, string day, Charge expected, string reason)
    {
        var decision = CoverageDecision.Decide(cause, Delivered, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        decision.Charge.ShouldBe(expected);
        string.Format(System.Globalization.CultureInfo.InvariantCulture, decision.Reason, decision.ReasonArgs).ShouldContain(reason);
        decision.RequiresRepairAgreement.ShouldBe(expected == Charge.Chargeable);
    }

    [Fact]
    public void A_defect_before_delivery_into_use_is_free()
    {
        CoverageDecision.Decide(FaultCause.Defect, NotDelivered, new DateOnly(2026, 11, 25)).Charge.ShouldBe(Charge.Free);
    }

    [Fact]
    public void Without_a_known_asset_only_misuse_can_be_decided()
    {
        CoverageDecision.Decide(FaultCause.Defect, null, new DateOnly(2026, 11, 25)).Charge.ShouldBe(Charge.Undetermined);
        CoverageDecision.Decide(FaultCause.Misuse, null, new DateOnly(2026, 11, 25)).Charge.ShouldBe(Charge.Chargeable);
    }
}
