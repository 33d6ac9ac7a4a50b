using AfterSales.Features.Accidents.Rules;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>
/// DESIGN §2 promise 12: an accident is preventable when the asset's last due round was missed, or
/// a hazard / needs-attention finding on it was open at the accident; each decision says why.
/// Asset 1 under contract 10; the summer round's window closed 2026-09-01 00:00 (Shanghai), the
/// accident happens on 2026-10-15.
/// </summary>
public sealed class AccidentRulesTests
{
    const long Asset = 1;
    const long Contract = 10;
    static readonly DateTime SummerDue = new(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc);
    static readonly DateTime WinterDue = new(2027, 2, 28, 16, 0, 0, DateTimeKind.Utc);
    static readonly DateTime At = new(2026, 10, 15, 6, 0, 0, DateTimeKind.Utc);

    static AccidentCase Case(bool covered = true) => new(Asset, Contract, At, covered);

    static RoundFact Completed(long id, DateTime due, long asset = Asset, long contract = Contract) =>
        new(id, asset, contract, due, true, due.AddDays(-20));

    static RoundFact Missed(long id, DateTime due, long asset = Asset, long contract = Contract) =>
        new(id, asset, contract, due, false, null);

    static FindingFact Finding(long id, DateTime recorded, DateTime? actedOn, bool hazard = true, long contract = Contract) =>
        new(id, 7, Asset, contract, hazard, recorded, actedOn);

    [Fact]
    public void The_last_due_round_missed_makes_it_preventable_with_that_round_as_evidence()
    {
        var d = AccidentRules.Decide(Case(), [Completed(6, SummerDue.AddMonths(-6)), Missed(7, SummerDue)], []);

        d.Preventable.ShouldBeTrue();
        d.Reason.ShouldBe(AccidentReason.MissedRound);
        d.Round!.RoundId.ShouldBe(7);
    }

    [Fact]
    public void A_round_completed_after_its_window_closed_counts_as_missed()
    {
        var late = new RoundFact(7, Asset, Contract, SummerDue, true, SummerDue.AddSeconds(1));

        AccidentRules.Decide(Case(), [late], []).Reason.ShouldBe(AccidentReason.MissedRound);
    }

    [Fact]
    public void An_earlier_missed_round_does_not_count_once_a_later_one_was_completed()
    {
        var d = AccidentRules.Decide(Case(), [Missed(6, SummerDue.AddMonths(-6)), Completed(7, SummerDue)], []);

        d.Preventable.ShouldBeFalse();
        d.Reason.ShouldBe(AccidentReason.RoundCompleted);
        d.Round!.RoundId.ShouldBe(7);
    }

    [Fact]
    public void A_hazard_open_at_the_accident_makes_it_preventable_with_that_finding_as_evidence()
    {
        var d = AccidentRules.Decide(
            Case(),
            [Completed(7, SummerDue)],
            [Finding(70, SummerDue.AddDays(-20), null, hazard: false), Finding(71, SummerDue.AddDays(-20), null)]
        );

        d.Preventable.ShouldBeTrue();
        d.Reason.ShouldBe(AccidentReason.OpenFinding);
        d.Finding!.FindingId.ShouldBe(71); // the hazard before the attention
        d.OpenFindings.Select(f => f.FindingId).ShouldBe([71, 70]);
    }

    [Fact]
    public void A_needs_attention_finding_not_acted_on_makes_it_preventable()
    {
        var d = AccidentRules.Decide(
            Case(),
            [Completed(7, SummerDue)],
            [Finding(70, SummerDue.AddDays(-20), At.AddDays(1), hazard: false)]
        );

        d.Preventable.ShouldBeTrue();
        d.Reason.ShouldBe(AccidentReason.OpenFinding);
        d.Finding!.FindingId.ShouldBe(70);
    }

    [Theory]
    [InlineData(-1.0, false)] // fixed an hour before the accident
    [InlineData(0.0, false)] // fixed at the accident's instant: acted on by then
    [InlineData(1.0, true)] // fixed an hour after: still open when it happened
    public void A_hazard_fixed_before_the_accident_is_not_open(double fixedHoursFromAccident, bool preventable)
    {
        var d = AccidentRules.Decide(
            Case(),
            [Completed(7, SummerDue)],
            [Finding(71, SummerDue.AddDays(-20), At.AddHours(fixedHoursFromAccident))]
        );

        d.Preventable.ShouldBe(preventable);
        d.Reason.ShouldBe(preventable ? AccidentReason.OpenFinding : AccidentReason.RoundCompleted);
    }

    [Fact]
    public void No_round_due_yet_is_not_preventable()
    {
        var d = AccidentRules.Decide(Case(), [Missed(8, WinterDue)], []);

        d.Preventable.ShouldBeFalse();
        d.Reason.ShouldBe(AccidentReason.NoRoundDue);
        d.Round.ShouldBeNull();
    }

    [Fact]
    public void A_round_closing_at_the_accident_instant_was_due()
    {
        var accident = new AccidentCase(Asset, Contract, SummerDue, true);

        AccidentRules.Decide(accident, [Missed(7, SummerDue)], []).Reason.ShouldBe(AccidentReason.MissedRound);
    }

    [Fact]
    public void A_finding_opened_after_the_accident_is_not_evidence()
    {
        var d = AccidentRules.Decide(Case(), [Completed(7, SummerDue)], [Finding(71, At.AddSeconds(1), null)]);

        d.Preventable.ShouldBeFalse();
        d.Reason.ShouldBe(AccidentReason.RoundCompleted);
        d.OpenFindings.ShouldBeEmpty();
    }

    [Fact]
    public void Rounds_and_findings_of_another_contract_or_asset_do_not_count()
    {
        var d = AccidentRules.Decide(
            Case(),
            [Missed(7, SummerDue, contract: 11), Missed(9, SummerDue, asset: 2)],
            [Finding(71, SummerDue.AddDays(-20), null, contract: 11)]
        );

        d.Preventable.ShouldBeFalse();
        d.Reason.ShouldBe(AccidentReason.NoRoundDue);
        d.OpenFindings.ShouldBeEmpty();
    }

    [Fact]
    public void An_asset_the_contract_no_longer_covers_is_not_preventable_under_it()
    {
        var d = AccidentRules.Decide(Case(covered: false), [Missed(7, SummerDue)], [Finding(71, SummerDue.AddDays(-20), null)]);

        d.Preventable.ShouldBeFalse();
        d.Reason.ShouldBe(AccidentReason.NotCovered);
    }

    [Fact]
    public void Every_reason_has_a_title()
    {
        foreach (var reason in Enum.GetValues<AccidentReason>())
            AccidentRules.Title(reason).ShouldNotBeNullOrWhiteSpace();
    }
}
