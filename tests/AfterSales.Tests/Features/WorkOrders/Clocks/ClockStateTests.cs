using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>Due soon at 75% of the window measured in service time, on office hours (Beijing time).</summary>
public sealed class ClockStateTests
{
    static readonly BusinessHours Office = BusinessHours.China();

    [Theory]
    [InlineData("2026-03-02 11:59:59", ClockState.Running)]
    [InlineData("2026-03-02 12:00:00", ClockState.DueSoon)] // 3 h of 4 h consumed, at the end of the morning
    [InlineData("2026-03-02 12:45:00", ClockState.DueSoon)] // the lunch break does not undo it
    [InlineData("2026-03-02 14:30:00", ClockState.DueSoon)]
    [InlineData("2026-03-02 14:30:01", ClockState.Breached)]
    public void A_clock_turns_due_soon_after_75_percent_of_its_service_time(string now, ClockState expected)
    {
        var response = new Clock(ClockKind.Response, Beijing("2026-03-02 09:00"), TimeSpan.FromHours(4));

        var snapshot = response.At(Beijing(now), Office);

        InBeijing(snapshot.DueSoonUtc).ShouldBe("2026-03-02 12:00:00");
        InBeijing(snapshot.Due!.DueUtc).ShouldBe("2026-03-02 14:30:00");
        snapshot.State.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-07 12:00", ClockState.Running, 1.5)] // the weekend consumes nothing
    [InlineData("2026-03-09 09:59", ClockState.Running, 2.9833333333333334)]
    [InlineData("2026-03-09 10:00", ClockState.DueSoon, 3)]
    public void Nights_and_weekends_consume_no_service_time(string now, ClockState expected, double consumedHours)
    {
        var onSite = new Clock(ClockKind.OnSite, Beijing("2026-03-06 16:00"), TimeSpan.FromHours(4));

        var snapshot = onSite.At(Beijing(now), Office);

        snapshot.State.ShouldBe(expected);
        snapshot.Consumed.ShouldBe(TimeSpan.FromHours(consumedHours), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("2026-03-02 14:30:00", ClockState.Met)]
    [InlineData("2026-03-02 17:00:00", ClockState.Breached)]
    public void A_clock_met_after_its_due_instant_stays_breached_even_inside_non_working_time(string metAt, ClockState expected)
    {
        var response = new Clock(ClockKind.Response, Beijing("2026-03-02 13:30"), TimeSpan.FromHours(1), metAtUtc: Beijing(metAt));

        // Due at 14:30; answering at 17:00 the same day is late even though the clock would stand still at night.
        response.At(Beijing("2026-03-03 10:00"), Office).State.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, null, null, "2026-03-02 10:00", ClockState.Paused)]
    [InlineData(null, null, "2026-03-02 09:00", "2026-03-02 10:00", ClockState.Met)]
    [InlineData("2026-03-02 12:00", "2026-03-02 11:00", null, "2026-03-02 10:00", ClockState.Running)]
    [InlineData("2026-03-02 12:00", "2026-03-02 11:00", null, "2026-03-02 11:00", ClockState.DueSoon)]
    [InlineData("2026-03-02 12:00", "2026-03-02 11:00", null, "2026-03-02 12:00:01", ClockState.Breached)]
    [InlineData("2026-03-02 12:00", "2026-03-02 11:00", "2026-03-02 12:00", "2026-03-03 00:00", ClockState.Met)]
    public void The_state_follows_from_due_due_soon_met_at_and_now(
        string? due,
        string? dueSoon,
        string? metAt,
        string now,
        ClockState expected
    )
    {
        ClockEngine.State(Optional(due), Optional(dueSoon), Optional(metAt), Utc(now)).ShouldBe(expected);
    }

    [Fact]
    public void A_clock_met_before_it_started_is_refused()
    {
        Should.Throw<ArgumentException>(() =>
            new Clock(ClockKind.Expert, Utc("2026-03-02 09:00"), TimeSpan.FromHours(4), metAtUtc: Utc("2026-03-02 08:00"))
        );
    }

    static DateTime? Optional(string? utc) => utc is null ? null : Utc(utc);
}
