using AfterSales.Features.Hotline.Rules;

namespace AfterSales.Tests.Features.Hotline;

public sealed class RingRuleTests
{
    static readonly DateTime T = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
    static readonly TimeSpan Cycle = RingRule.DefaultCycle;

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 1, true)]
    [InlineData(5_000, 1, true)]
    [InlineData(5_001, 2, true)]
    [InlineData(10_000, 2, true)]
    [InlineData(14_999, 3, true)]
    [InlineData(15_000, 3, true)]
    [InlineData(15_100, 4, false)]
    [InlineData(15_001, 4, false)]
    [InlineData(60_000, 12, false)]
    public void An_answered_call_counts_started_rings_and_meets_the_promise_within_three(int waitMs, int rings, bool met)
    {
        var a = RingRule.Assess(T, T.AddMilliseconds(waitMs), T.AddMinutes(5), Cycle);

        a.ShouldBe(new RingAssessment(rings, met));
    }

    [Theory]
    [InlineData(2_000, 1)]
    [InlineData(15_000, 3)]
    [InlineData(40_000, 8)]
    public void An_unanswered_call_never_meets_the_promise_however_short_it_rang(int rangMs, int rings)
    {
        RingRule.Assess(T, null, T.AddMilliseconds(rangMs), Cycle).ShouldBe(new RingAssessment(rings, false));
    }

    [Fact]
    public void A_call_still_ringing_or_without_its_ringing_time_is_undecided()
    {
        RingRule.Assess(T, null, null, Cycle).ShouldBe(RingAssessment.Undecided);
        RingRule.Assess(null, T, T.AddMinutes(1), Cycle).ShouldBe(RingAssessment.Undecided);
        RingRule.Assess(null, null, T, Cycle).ShouldBe(RingAssessment.Undecided);
    }

    [Theory]
    [InlineData(3, 9_000, 3, true)]
    [InlineData(3, 9_001, 4, false)]
    [InlineData(6, 15_000, 3, true)]
    public void The_ring_cycle_is_configurable(int cycleSeconds, int waitMs, int rings, bool met)
    {
        RingRule.Assess(T, T.AddMilliseconds(waitMs), null, TimeSpan.FromSeconds(cycleSeconds)).ShouldBe(new RingAssessment(rings, met));
    }

    [Fact]
    public void Rings_are_counted_in_whole_ticks_so_a_tick_over_a_cycle_is_another_ring()
    {
        RingRule.Rings(TimeSpan.FromSeconds(15), Cycle).ShouldBe(3);
        RingRule.Rings(TimeSpan.FromSeconds(15) + TimeSpan.FromTicks(1), Cycle).ShouldBe(4);
        Should.Throw<ArgumentOutOfRangeException>(() => RingRule.Rings(TimeSpan.FromSeconds(-1), Cycle));
        Should.Throw<ArgumentOutOfRangeException>(() => RingRule.Rings(TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }
}
