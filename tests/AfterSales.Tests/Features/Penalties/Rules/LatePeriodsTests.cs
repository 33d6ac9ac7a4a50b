using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.Penalties.Rules;

/// <summary>DESIGN §5: one late-restoration entry per whole or started 24 hours past the due time.</summary>
public sealed class LatePeriodsTests
{
    static readonly DateTime Due = Utc("2026-11-27 02:00");

    [Theory]
    [InlineData("0:00:00", 0)] // restored at the due instant: in time
    [InlineData("-1:00:00", 0)] // before it
    [InlineData("0:00:01", 1)] // one second late: the first period has begun
    [InlineData("23:59:59", 1)]
    [InlineData("1.00:00:00", 1)] // exactly 24 h late: one period
    [InlineData("1.00:00:01", 2)] // 24 h + 1 s: the second has begun
    [InlineData("2.00:00:00", 2)] // 48 h: two
    [InlineData("2.03:00:00", 3)] // 2 days 3 hours: three
    [InlineData("30.00:00:00", 30)]
    public void Periods_are_counted_by_whole_or_started_24_hours(string late, int expected)
    {
        LatePeriods.Count(Due, Due + TimeSpan.Parse(late, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(1, "2026-11-27 02:00")]
    [InlineData(2, "2026-11-28 02:00")]
    [InlineData(3, "2026-11-29 02:00")]
    public void Period_k_begins_k_minus_1_days_after_the_due_time(int period, string start)
    {
        LatePeriods.Start(Due, period).ShouldBe(Utc(start));
    }

    [Fact]
    public void A_tick_late_is_one_period()
    {
        LatePeriods.Count(Due, Due.AddTicks(1)).ShouldBe(1);
    }

    [Theory]
    [InlineData("2026-11-25 10:00", "2026-11-25 14:00", "2026-11-27 06:00", 1)] // pause before the due time: due moves 4 h later
    [InlineData("2026-11-27 04:00", "2026-11-27 20:00", "2026-11-27 02:00", 2)] // pause after it: due stays, the wait is a waiver's business
    [InlineData("2026-11-27 02:00", "2026-11-27 20:00", "2026-11-27 02:00", 2)] // a pause at the due instant itself begins too late
    [InlineData("2026-11-27 01:00", "2026-11-27 03:00", "2026-11-27 04:00", 1)] // begins just before: extends by its whole length
    public void Only_a_pause_that_begins_before_the_due_time_extends_it(string from, string to, string due, int periodsAtRestore)
    {
        // Received 2026-11-25 02:00 UTC with 48 h to restore (7x24): due 2026-11-27 02:00; restored 2026-11-28 03:00.
        var deadline = ClockEngine.Due(Utc("2026-11-25 02:00"), TimeSpan.FromHours(48), AllHours.Instance, [new(Utc(from), Utc(to))]);

        deadline!.DueUtc.ShouldBe(Utc(due));
        LatePeriods.Count(deadline.DueUtc, Utc("2026-11-28 03:00")).ShouldBe(periodsAtRestore);
    }
}
