using AfterSales.Features.Penalties.Rules;

namespace AfterSales.Tests.Features.Penalties.Rules;

/// <summary>DESIGN §5: contract total × rate in basis points, rounded to the fen half away from zero, in integers.</summary>
public sealed class PenaltyAmountTests
{
    [Theory]
    [InlineData(10_000_000L, 100, 100_000L)] // ¥100,000.00 × 1% = ¥1,000.00
    [InlineData(5_000L, 1, 1L)] // 0.5 fen: half rounds up
    [InlineData(4_999L, 1, 0L)] // 0.4999 fen: down
    [InlineData(5_001L, 1, 1L)]
    [InlineData(50L, 1, 0L)] // 0.005 fen
    [InlineData(15_000L, 1, 2L)] // 1.5 fen → 2
    [InlineData(25_000L, 1, 3L)] // 2.5 fen → 3 (away from zero, not to even)
    [InlineData(35_000L, 1, 4L)] // 3.5 fen → 4
    [InlineData(14_999L, 1, 1L)] // 1.4999 fen → 1
    [InlineData(150L, 100, 2L)] // 1% of ¥1.50 = 1.5 fen → 2
    [InlineData(250L, 100, 3L)] // 2.5 fen → 3
    [InlineData(249L, 100, 2L)] // 2.49 fen → 2
    [InlineData(0L, 100, 0L)]
    [InlineData(12_345L, 0, 0L)] // a rate of 0 charges nothing
    [InlineData(12_345L, 10_000, 12_345L)] // 100% is the total itself
    [InlineData(9_999_999_999L, 1, 1_000_000L)] // ¥99,999,999.99 × 0.01% = 999,999.9999 fen → 1,000,000
    [InlineData(9_999_999_999L, 100, 100_000_000L)] // × 1% = 99,999,999.99 fen → 100,000,000
    [InlineData(9_999_999_999L, 10_000, 9_999_999_999L)] // × 100%
    [InlineData(9_999_999_999L, 50, 50_000_000L)] // × 0.5% = 49,999,999.995 fen → 50,000,000
    public void Amount_is_total_times_rate_rounded_half_away_from_zero(long totalFen, int rateBp, long expected)
    {
        PenaltyAmount.Of(totalFen, rateBp).ShouldBe(expected);
    }

    [Fact]
    public void Negative_totals_round_half_away_from_zero_too()
    {
        PenaltyAmount.Of(-5_000, 1).ShouldBe(-1);
        PenaltyAmount.Of(-4_999, 1).ShouldBe(0);
        PenaltyAmount.Of(-25_000, 1).ShouldBe(-3);
    }

    [Fact]
    public void The_largest_totals_do_not_overflow()
    {
        PenaltyAmount.Of(long.MaxValue, 10_000).ShouldBe(long.MaxValue);
        PenaltyAmount.Of(long.MaxValue, 1).ShouldBe(922_337_203_685_478); // 922,337,203,685,477.5807 → up
    }

    [Fact]
    public void A_negative_rate_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PenaltyAmount.Of(100, -1));
    }

    [Fact]
    public void Every_rate_from_1_to_10000_bp_agrees_with_exact_decimal_arithmetic()
    {
        foreach (var total in new[] { 1L, 50L, 5_000L, 123_456_789L, 9_999_999_999L })
        {
            for (var bp = 1; bp <= 10_000; bp++)
            {
                var exact = Math.Round(total * (decimal)bp / 10_000m, 0, MidpointRounding.AwayFromZero);
                PenaltyAmount.Of(total, bp).ShouldBe((long)exact, $"{total} fen × {bp} bp");
            }
        }
    }
}
