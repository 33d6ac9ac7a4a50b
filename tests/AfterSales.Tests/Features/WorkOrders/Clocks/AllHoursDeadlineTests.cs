using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

public sealed class AllHoursDeadlineTests
{
    [Theory]
    [InlineData("2026-11-25 02:00", 4, "2026-11-25 06:00")]
    [InlineData("2026-11-25 02:00", 48, "2026-11-27 02:00")]
    [InlineData("2026-11-28 22:30", 4, "2026-11-29 02:30")] // a Saturday night counts like any other hour
    [InlineData("2026-09-30 16:00", 48, "2026-10-02 16:00")] // National Day counts too
    [InlineData("2027-06-01 00:00:01", 24, "2027-06-02 00:00:01")]
    public void Every_hour_counts_on_a_7x24_calendar(string start, int hours, string expected)
    {
        var due = ClockEngine.Due(Utc(start), TimeSpan.FromHours(hours), AllHours.Instance);

        due.ShouldNotBeNull();
        due.DueUtc.ShouldBe(Utc(expected));
        due.DueUtc.Kind.ShouldBe(DateTimeKind.Utc);
        due.Provisional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-11-25 12:59:59", ClockState.Met)]
    [InlineData("2026-11-25 13:00:00", ClockState.Met)] // DESIGN §4: 13:00:00 against a 13:00:00 deadline is in time
    [InlineData("2026-11-25 13:00:01", ClockState.Breached)]
    public void A_clock_is_met_at_or_before_its_due_second(string metAt, ClockState expected)
    {
        var response = new Clock(ClockKind.Response, Utc("2026-11-25 09:00"), TimeSpan.FromHours(4), metAtUtc: Utc(metAt));

        var snapshot = response.At(Utc("2026-11-26 00:00"), AllHours.Instance);

        snapshot.Due!.DueUtc.ShouldBe(Utc("2026-11-25 13:00"));
        snapshot.State.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-11-25 09:00:00", ClockState.Running)]
    [InlineData("2026-11-25 11:59:59", ClockState.Running)]
    [InlineData("2026-11-25 12:00:00", ClockState.DueSoon)] // exactly 75% of 4 h
    [InlineData("2026-11-25 13:00:00", ClockState.DueSoon)] // due now, not passed yet
    [InlineData("2026-11-25 13:00:01", ClockState.Breached)]
    public void An_unmet_clock_runs_turns_due_soon_at_75_percent_and_breaches_after_its_due_second(string now, ClockState expected)
    {
        var response = new Clock(ClockKind.Response, Utc("2026-11-25 09:00"), TimeSpan.FromHours(4));

        var snapshot = response.At(Utc(now), AllHours.Instance);

        snapshot.DueSoonUtc.ShouldBe(Utc("2026-11-25 12:00"));
        snapshot.State.ShouldBe(expected);
    }

    [Fact]
    public void Elapsed_service_time_on_7x24_is_the_wall_clock_time()
    {
        ClockEngine.Elapsed(Utc("2026-11-25 09:00"), Utc("2026-11-26 10:30"), AllHours.Instance).ShouldBe(TimeSpan.FromHours(25.5));
        ClockEngine.Elapsed(Utc("2026-11-25 09:00"), Utc("2026-11-25 08:00"), AllHours.Instance).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_local_time_is_refused_because_it_does_not_name_an_instant()
    {
        Should.Throw<ArgumentException>(() =>
            ClockEngine.Due(new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Local), TimeSpan.FromHours(4), AllHours.Instance)
        );
    }
}
