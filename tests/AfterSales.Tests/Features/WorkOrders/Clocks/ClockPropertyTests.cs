using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>Properties over many seeded random cases: starts anywhere in 2024–2027, windows up to three weeks.</summary>
public sealed class ClockPropertyTests
{
    const int Cases = 3000;

    public static TheoryData<string> Calendars => [.. CalendarsByName.Keys];

    static readonly Dictionary<string, IServiceCalendar> CalendarsByName = new()
    {
        ["7x24"] = AllHours.Instance,
        ["Beijing office hours"] = BusinessHours.China(),
        ["Beijing office hours, overrides"] = BusinessHours.China(
            HolidayTable.China.WithOverrides([new(new(2026, 3, 3), DayKind.DayOff), new(new(2026, 3, 7), DayKind.WorkingDay)])
        ),
        // Summer time: offsets change between the weeks that are skipped.
        ["Berlin office hours"] = BusinessHours.China(HolidayTable.Empty, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")),
        ["New York, three shifts"] = BusinessHours.China(
            HolidayTable.China,
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            [new(new(0, 0), new(1, 0)), new(new(6, 15), new(11, 0)), new(new(12, 0), new(23, 59))]
        ),
        // Cairo changes its clocks on weekdays at midnight, so in autumn a late shift gains an hour.
        ["Cairo, late shift"] = BusinessHours.China(
            HolidayTable.Empty,
            TimeZoneInfo.FindSystemTimeZoneById("Africa/Cairo"),
            [new(new(8, 0), new(12, 0)), new(new(22, 0), new(23, 59))]
        ),
    };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void A_deadline_is_never_before_its_start_and_is_the_first_instant_the_window_is_used_up(string name)
    {
        var (calendar, random) = (CalendarsByName[name], new Random(20261125));
        for (var i = 0; i < Cases; i++)
        {
            var (start, window) = (RandomInstant(random), RandomWindow(random));

            var due = ClockEngine.Due(start, window, calendar)!.DueUtc;

            due.ShouldBeGreaterThanOrEqualTo(start);
            ClockEngine.Elapsed(start, due, calendar).ShouldBe(window, $"{start:o} + {window}");
            if (window > TimeSpan.Zero)
                ClockEngine.Elapsed(start, due.AddTicks(-1), calendar).ShouldBeLessThan(window, $"{start:o} + {window}");
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Business_hours_arithmetic_agrees_with_a_plain_day_by_day_count(string name)
    {
        if (CalendarsByName[name] is not BusinessHours calendar)
            return;
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var (start, window) = (RandomInstant(random), RandomWindow(random) * 4);

            ClockEngine.Due(start, window, calendar)!.DueUtc.ShouldBe(ReferenceDue(calendar, start, window), $"{start:o} + {window}");
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Windows_and_elapsed_times_add_up(string name)
    {
        var (calendar, random) = (CalendarsByName[name], new Random(42));
        for (var i = 0; i < Cases; i++)
        {
            var (start, first, second) = (RandomInstant(random), RandomWindow(random), RandomWindow(random) + TimeSpan.FromMinutes(1));
            var middle = start + TimeSpan.FromMinutes(random.Next(0, 30 * 24 * 60));
            var end = middle + TimeSpan.FromMinutes(random.Next(0, 30 * 24 * 60));

            ClockEngine
                .Due(start, first + second, calendar)!
                .DueUtc.ShouldBe(ClockEngine.Due(ClockEngine.Due(start, first, calendar)!.DueUtc, second, calendar)!.DueUtc);
            (ClockEngine.Elapsed(start, middle, calendar) + ClockEngine.Elapsed(middle, end, calendar)).ShouldBe(
                ClockEngine.Elapsed(start, end, calendar)
            );
            ClockEngine.Elapsed(start, end, calendar).ShouldBeLessThanOrEqualTo(end - start);
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Pausing_for_a_while_never_moves_a_deadline_by_more_than_the_service_time_inside_the_pause(string name)
    {
        var (calendar, random) = (CalendarsByName[name], new Random(1234));
        for (var i = 0; i < Cases; i++)
        {
            var (start, window) = (RandomInstant(random), RandomWindow(random));
            var from = start + TimeSpan.FromMinutes(random.Next(-24 * 60, 14 * 24 * 60));
            var pause = new Pause(from, from + TimeSpan.FromMinutes(random.Next(0, 10 * 24 * 60)));

            var without = ClockEngine.Due(start, window, calendar)!.DueUtc;
            var with = ClockEngine.Due(start, window, calendar, [pause])!.DueUtc;

            with.ShouldBeGreaterThanOrEqualTo(without);
            if (calendar is AllHours)
                with.ShouldBeLessThanOrEqualTo(without + (pause.ToUtc!.Value - pause.FromUtc));
            calendar.WorkingTime(without, with).ShouldBeLessThanOrEqualTo(calendar.WorkingTime(pause.FromUtc, pause.ToUtc!.Value));
            ClockEngine.Elapsed(start, with, calendar, [pause]).ShouldBe(window);
        }
    }

    static DateTime RandomInstant(Random random) =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.NextInt64(0, 4L * 365 * 24 * 3600));

    static TimeSpan RandomWindow(Random random) =>
        random.Next(4) switch
        {
            0 => TimeSpan.FromHours(random.Next(0, 3) * 4),
            1 => TimeSpan.FromHours(48),
            _ => TimeSpan.FromMinutes(random.Next(0, 120 * 60)),
        };

    /// <summary>The obvious algorithm: every local day in turn, every period converted with the framework.</summary>
    static DateTime ReferenceDue(BusinessHours calendar, DateTime start, TimeSpan window)
    {
        var remaining = window;
        if (remaining == TimeSpan.Zero)
            return start;
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, calendar.TimeZone)); ; day = day.AddDays(1))
        {
            if (!calendar.Holidays.IsWorkingDay(day))
                continue;
            foreach (var period in calendar.Periods)
            {
                var from = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(period.Start), calendar.TimeZone);
                var to = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(period.End), calendar.TimeZone);
                if (from < start)
                    from = start;
                if (to <= from)
                    continue;
                if (remaining <= to - from)
                    return from + remaining;
                remaining -= to - from;
            }
        }
    }
}
