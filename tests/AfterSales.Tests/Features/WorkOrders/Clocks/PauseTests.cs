using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>DESIGN §4: the restore clock pauses while waiting on the customer.</summary>
public sealed class PauseTests
{
    static readonly BusinessHours Office = BusinessHours.China();

    [Fact]
    public void A_pause_across_midnight_on_7x24_adds_its_whole_length()
    {
        var due = ClockEngine.Due(
            Utc("2026-11-25 20:00"),
            TimeSpan.FromHours(4),
            AllHours.Instance,
            [new(Utc("2026-11-25 22:00"), Utc("2026-11-26 01:00"))]
        );

        due!.DueUtc.ShouldBe(Utc("2026-11-26 03:00"));
    }

    [Theory]
    [InlineData("2026-03-02 17:00", "2026-03-03 09:00", "2026-03-03 12:00")] // across midnight: swallows 17:00–17:30 and 08:30–09:00
    [InlineData("2026-03-02 18:00", "2026-03-03 08:00", "2026-03-03 11:00")] // wholly at night: nothing to add
    [InlineData("2026-03-02 16:00", "2026-03-02 16:00", "2026-03-03 11:00")] // empty
    [InlineData("2026-03-01 10:00", "2026-03-02 17:00", "2026-03-03 12:00")] // begun before the clock: counts from the start only
    public void A_pause_adds_only_the_working_time_it_covers(string from, string to, string expected)
    {
        var due = ClockEngine.Due(Beijing("2026-03-02 16:00"), TimeSpan.FromHours(4), Office, [new(Beijing(from), Beijing(to))]);

        InBeijing(due!.DueUtc).ShouldBe(InBeijing(Beijing(expected)));
    }

    [Fact]
    public void A_pause_across_a_statutory_holiday_adds_only_the_working_days_around_it()
    {
        // 8 h from Wednesday 09-30 09:00: 6.5 h before the pause, 1.5 h after it.
        var pause = new Pause(Beijing("2026-09-30 17:00"), Beijing("2026-10-09 10:00"));

        var without = ClockEngine.Due(Beijing("2026-09-30 09:00"), TimeSpan.FromHours(8), Office);
        var with = ClockEngine.Due(Beijing("2026-09-30 09:00"), TimeSpan.FromHours(8), Office, [pause]);

        InBeijing(without!.DueUtc).ShouldBe("2026-10-08 09:30:00");
        InBeijing(with!.DueUtc).ShouldBe("2026-10-09 11:30:00");
        ClockEngine.Elapsed(Beijing("2026-09-30 09:00"), with.DueUtc, Office, [pause]).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Overlapping_pauses_in_any_order_count_each_second_once()
    {
        Pause[] pauses = [new(Utc("2026-11-25 02:00"), Utc("2026-11-25 03:00")), new(Utc("2026-11-25 01:00"), Utc("2026-11-25 02:30"))];

        var due = ClockEngine.Due(Utc("2026-11-25 00:00"), TimeSpan.FromHours(4), AllHours.Instance, pauses);

        due!.DueUtc.ShouldBe(Utc("2026-11-25 06:00"));
    }

    [Fact]
    public void An_open_pause_stops_the_clock_and_leaves_the_due_instant_unknown()
    {
        var restore = new Clock(
            ClockKind.Restore,
            Utc("2026-11-25 00:00"),
            TimeSpan.FromHours(48),
            [new(Utc("2026-11-25 10:00"), Utc("2026-11-25 12:00")), new(Utc("2026-11-26 06:00"))]
        );

        var snapshot = restore.At(Utc("2026-11-28 06:00"), AllHours.Instance);

        snapshot.Due.ShouldBeNull();
        snapshot.State.ShouldBe(ClockState.Paused);
        snapshot.PausedTotal.ShouldBe(TimeSpan.FromHours(2 + 48));
        snapshot.Consumed.ShouldBe(TimeSpan.FromHours(28));
        snapshot.Remaining.ShouldBe(TimeSpan.FromHours(20));
    }

    [Fact]
    public void An_open_pause_begun_after_the_window_ran_out_does_not_hide_the_breach()
    {
        var restore = new Clock(ClockKind.Restore, Utc("2026-11-25 00:00"), TimeSpan.FromHours(4), [new(Utc("2026-11-25 05:00"))]);

        var snapshot = restore.At(Utc("2026-11-25 07:00"), AllHours.Instance);

        snapshot.Due!.DueUtc.ShouldBe(Utc("2026-11-25 04:00"));
        snapshot.State.ShouldBe(ClockState.Breached);
    }

    [Fact]
    public void Restoring_during_an_open_pause_meets_the_clock_and_ends_the_pause()
    {
        var restore = new Clock(
            ClockKind.Restore,
            Utc("2026-11-25 00:00"),
            TimeSpan.FromHours(4),
            [new(Utc("2026-11-25 03:00"))],
            metAtUtc: Utc("2026-11-25 09:00")
        );

        var snapshot = restore.At(Utc("2026-11-26 00:00"), AllHours.Instance);

        snapshot.State.ShouldBe(ClockState.Met);
        snapshot.Due!.DueUtc.ShouldBe(Utc("2026-11-25 10:00"));
        snapshot.PausedTotal.ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public void Only_the_restore_clock_may_pause_and_a_pause_cannot_end_before_it_begins()
    {
        Should.Throw<ArgumentException>(() =>
            new Clock(ClockKind.Response, Utc("2026-11-25 00:00"), TimeSpan.FromHours(4), [new(Utc("2026-11-25 01:00"))])
        );
        Should.Throw<ArgumentException>(() => new Pause(Utc("2026-11-25 02:00"), Utc("2026-11-25 01:00")));
    }
}
