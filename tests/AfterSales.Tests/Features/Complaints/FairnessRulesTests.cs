using AfterSales.Features.Complaints;
using AfterSales.Features.Complaints.Rules;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>公平原则: a remedy far from its precedents needs a written justification, and only then.</summary>
public sealed class FairnessRulesTests
{
    static RemedyTerms R(RemedyKind kind, long fen = 0) => new(kind, fen);

    // Precedents: compensation of ¥500 and ¥800, and one apology; margin 20%, so ¥400.00 – ¥960.00 is in line.
    static readonly RemedyTerms[] Precedents =
    [
        R(RemedyKind.Compensation, 50_000),
        R(RemedyKind.Compensation, 80_000),
        R(RemedyKind.Apology),
    ];

    [Theory]
    [InlineData(RemedyKind.Compensation, 50_000, FairnessFinding.InLine)]
    [InlineData(RemedyKind.Compensation, 80_000, FairnessFinding.InLine)]
    [InlineData(RemedyKind.Compensation, 40_000, FairnessFinding.InLine)]
    [InlineData(RemedyKind.Compensation, 39_999, FairnessFinding.BelowRange)]
    [InlineData(RemedyKind.Compensation, 96_000, FairnessFinding.InLine)]
    [InlineData(RemedyKind.Compensation, 96_001, FairnessFinding.AboveRange)]
    [InlineData(RemedyKind.Compensation, 500_000, FairnessFinding.AboveRange)]
    [InlineData(RemedyKind.Apology, 0, FairnessFinding.InLine)]
    [InlineData(RemedyKind.Gift, 10_000, FairnessFinding.DifferentKind)]
    [InlineData(RemedyKind.ReService, 0, FairnessFinding.DifferentKind)]
    [InlineData(RemedyKind.None, 0, FairnessFinding.DifferentKind)]
    public void A_remedy_is_judged_against_the_kinds_and_the_amount_range_of_its_precedents(
        RemedyKind kind,
        long fen,
        FairnessFinding expected
    )
    {
        var verdict = FairnessRules.Judge(R(kind, fen), Precedents, marginPercent: 20);

        verdict.Finding.ShouldBe(expected);
        verdict.NeedsJustification.ShouldBe(expected != FairnessFinding.InLine);
    }

    [Theory]
    [InlineData(RemedyKind.Compensation, 1_000_000)]
    [InlineData(RemedyKind.None, 0)]
    [InlineData(RemedyKind.Gift, 1)]
    public void Without_precedents_nothing_needs_justifying(RemedyKind kind, long fen) =>
        FairnessRules.Judge(R(kind, fen), [], 20).NeedsJustification.ShouldBeFalse();

    [Theory]
    [InlineData(0, 50_001, true)]
    [InlineData(0, 50_000, false)]
    [InlineData(0, 49_999, true)]
    [InlineData(100, 100_000, false)]
    [InlineData(100, 100_001, true)]
    [InlineData(100, 1, false)]
    public void The_margin_is_configurable(int margin, long fen, bool needsJustification) =>
        FairnessRules
            .Judge(R(RemedyKind.Compensation, fen), [R(RemedyKind.Compensation, 50_000)], margin)
            .NeedsJustification.ShouldBe(needsJustification);

    [Fact]
    public void The_comparable_range_is_reported()
    {
        var verdict = FairnessRules.Judge(R(RemedyKind.Compensation, 200_000), Precedents, 20);

        (verdict.LowFen, verdict.HighFen).ShouldBe((50_000L, 80_000L));
    }
}
