using AfterSales.Features.Penalties.Rules;

namespace AfterSales.Tests.Features.Penalties.Rules;

/// <summary>DESIGN §5: the entry that reaches the cap is cut to what remains; later ones are recorded at 0 and marked capped.</summary>
public sealed class PenaltyCapTests
{
    [Theory]
    [InlineData(null, 0L, 100_000L, 100_000L, false)] // no cap
    [InlineData(null, 9_000_000L, 100_000L, 100_000L, false)]
    [InlineData(500_000L, 0L, 100_000L, 100_000L, false)] // well under
    [InlineData(500_000L, 400_000L, 100_000L, 100_000L, false)] // reaches it exactly: not cut
    [InlineData(500_000L, 450_000L, 100_000L, 50_000L, true)] // passes it mid-entry: cut to what remains
    [InlineData(500_000L, 500_000L, 100_000L, 0L, true)] // reached: recorded at 0
    [InlineData(500_000L, 600_000L, 100_000L, 0L, true)] // past it (the cap was lowered): 0
    [InlineData(0L, 0L, 100_000L, 0L, true)] // a cap of 0%
    [InlineData(500_000L, 500_000L, 0L, 0L, false)] // nothing to charge is not cut
    public void An_entry_is_cut_to_what_remains_under_the_cap(long? cap, long accrued, long amount, long expected, bool capped)
    {
        PenaltyCap.Apply(cap, accrued, amount).ShouldBe(new CappedAmount(expected, capped));
    }

    [Fact]
    public void A_run_of_entries_stops_at_the_cap_and_keeps_every_breach_visible()
    {
        // 10% cap on ¥100,000.00; each late day is 1% (¥1,000.00) but the contract says 4%: 3 entries fill 12% → cut.
        var cap = PenaltyCap.Of(10_000_000, 1_000)!.Value;
        var (accrued, recorded) = (0L, new List<CappedAmount>());
        for (var day = 0; day < 5; day++)
        {
            var entry = PenaltyCap.Apply(cap, accrued, PenaltyAmount.Of(10_000_000, 400));
            recorded.Add(entry);
            accrued += entry.AmountFen;
        }

        recorded.ShouldBe([new(400_000, false), new(400_000, false), new(200_000, true), new(0, true), new(0, true)]);
        accrued.ShouldBe(cap);
    }

    [Fact]
    public void The_cap_itself_is_a_share_of_the_total_rounded_like_any_amount()
    {
        PenaltyCap.Of(10_000_000, 1_000).ShouldBe(1_000_000);
        PenaltyCap.Of(25_000, 1).ShouldBe(3);
        PenaltyCap.Of(10_000_000, null).ShouldBeNull();
    }
}
