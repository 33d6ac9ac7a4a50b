using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.Penalties.Rules;

/// <summary>What one accrual visit does to one clock: charge periods as they begin, stop at the meeting event, correct what was never owed.</summary>
public sealed class AccrualRulesTests
{
    static readonly DateTime Due = Utc("2026-11-27 02:00");

    static DateTime At(double hoursAfterDue) => Due.AddHours(hoursAfterDue);

    [Fact]
    public void An_open_restore_clock_owes_nothing_up_to_its_due_instant_and_is_looked_at_then()
    {
        var plan = AccrualRules.Plan(ClockKind.Restore, Due, null, 0, Due);

        plan.ShouldBe(new AccrualPlan(0, [], [], 0, Due));
    }

    [Theory]
    [InlineData(0.001, 0, new[] { 1 }, 1, 24.0)] // the first period begins just after the due instant
    [InlineData(24, 1, new int[0], 1, 24.0)] // exactly 24 h: still the first, nothing new
    [InlineData(24.001, 1, new[] { 2 }, 2, 48.0)] // the second begins
    [InlineData(51, 0, new[] { 1, 2, 3 }, 3, 72.0)] // the accrual was down: three at once
    [InlineData(51, 3, new int[0], 3, 72.0)] // run twice: nothing new
    public void An_open_restore_clock_is_charged_each_period_as_it_begins(
        double hours,
        int charged,
        int[] expected,
        int after,
        double nextHours
    )
    {
        var plan = AccrualRules.Plan(ClockKind.Restore, Due, null, charged, At(hours));

        plan.Charge.ShouldBe(expected);
        plan.Excess.ShouldBeEmpty();
        plan.Charged.ShouldBe(after);
        plan.NextCheckUtc.ShouldBe(At(nextHours));
    }

    [Theory]
    [InlineData(51, 0, new[] { 1, 2, 3 }, new int[0])] // restored 2 d 3 h late, never seen open: all three
    [InlineData(51, 2, new[] { 3 }, new int[0])] // two charged while open: the third
    [InlineData(51, 3, new int[0], new int[0])] // all charged: nothing
    [InlineData(30, 3, new int[0], new[] { 3 })] // restoration logged later at 30 h: the third was never owed
    [InlineData(0, 2, new int[0], new[] { 1, 2 })] // logged later as in time: both corrected
    public void Meeting_the_clock_settles_it_for_good(double metHours, int charged, int[] charge, int[] excess)
    {
        var plan = AccrualRules.Plan(ClockKind.Restore, Due, At(metHours), charged, At(80));

        plan.Charge.ShouldBe(charge);
        plan.Excess.ShouldBe(excess);
        plan.NextCheckUtc.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, 0, 0, "2026-11-27 02:00")] // open, not yet late
    [InlineData(null, 0, 1, null)] // open, late: one entry, then nothing more
    [InlineData(null, 1, 0, null)]
    [InlineData(-1.0, 0, 0, null)] // met in time
    [InlineData(3.0, 0, 1, null)] // met late, never charged
    [InlineData(3.0, 1, 0, null)] // met late, charged
    public void A_response_clock_owes_one_entry_once_breached(double? metHours, int charged, int charge, string? next)
    {
        var now = metHours is null && next is not null ? Due : At(5);
        var plan = AccrualRules.Plan(ClockKind.Response, Due, metHours is { } m ? At(m) : null, charged, now);

        plan.Charge.Count.ShouldBe(charge);
        plan.NextCheckUtc.ShouldBe(next is null ? null : Utc(next));
    }

    [Fact]
    public void A_response_met_later_at_an_earlier_time_corrects_the_entry()
    {
        var plan = AccrualRules.Plan(ClockKind.Response, Due, At(-0.5), 1, At(2));

        plan.Excess.ShouldBe([1]);
        plan.Charge.ShouldBeEmpty();
    }

    [Fact]
    public void A_paused_clock_without_a_due_instant_owes_nothing_new_and_waits_for_the_pause_to_end()
    {
        var plan = AccrualRules.Plan(ClockKind.Restore, null, null, 2, At(100));

        plan.ShouldBe(new AccrualPlan(0, [], [], 2, null));
    }

    [Fact]
    public void A_due_instant_moved_later_by_a_backdated_pause_charges_nothing_until_the_next_uncharged_period_begins()
    {
        // Two periods were charged against the old deadline; a pause entered later moved it 30 h on.
        var moved = Due.AddHours(30);

        AccrualRules.Plan(ClockKind.Restore, moved, null, 2, moved.AddHours(47)).Charge.ShouldBeEmpty();
        AccrualRules.Plan(ClockKind.Restore, moved, null, 2, moved.AddHours(47)).NextCheckUtc.ShouldBe(moved.AddHours(48));
        AccrualRules.Plan(ClockKind.Restore, moved, null, 2, moved.AddHours(49)).Charge.ShouldBe([3]);
    }

    [Fact]
    public void Clocks_without_a_penalty_are_refused()
    {
        Should.Throw<ArgumentException>(() => AccrualRules.Plan(ClockKind.OnSite, Due, null, 0, Due));
    }

    [Theory]
    [InlineData(ClockKind.Response, 1, "2026-11-27 02:00")]
    [InlineData(ClockKind.Restore, 1, "2026-11-27 02:00")]
    [InlineData(ClockKind.Restore, 3, "2026-11-29 02:00")]
    public void An_entry_occurs_when_its_breach_or_period_began(ClockKind kind, int period, string expected)
    {
        AccrualRules.PeriodStart(kind, Due, period).ShouldBe(Utc(expected));
    }
}
