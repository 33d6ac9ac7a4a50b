using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>Office hours 08:30–12:00 and 13:30–17:30 in Beijing, Chinese working days (times below are Beijing time).</summary>
public sealed class BusinessHoursDeadlineTests
{
    static readonly BusinessHours Office = BusinessHours.China();

    [Theory]
    [InlineData("2026-03-02 09:00", 4, "2026-03-02 14:30", "the lunch break inside the window does not count")]
    [InlineData("2026-03-02 08:30", 3.5, "2026-03-02 12:00", "completing with the morning period is due at its end, 12:00, not at 13:30")]
    [InlineData("2026-03-02 08:30", 7.5, "2026-03-02 17:30", "completing with the day is due at 17:30 that day, not 08:30 the next")]
    [InlineData("2026-03-06 13:30", 4, "2026-03-06 17:30", "a Friday afternoon window ends on Friday, not on Monday morning")]
    [InlineData("2026-03-01 12:00", 37.5, "2026-03-06 17:30", "exactly one working week from a Sunday ends on Friday at 17:30")]
    [InlineData("2026-03-02 00:00", 75, "2026-03-13 17:30", "two working weeks")]
    [InlineData("2026-03-02 12:30", 1, "2026-03-02 14:30", "received in the lunch break: counting starts at 13:30")]
    [InlineData("2026-03-02 12:00", 1, "2026-03-02 14:30", "received at the end of the morning: counting starts at 13:30")]
    [InlineData("2026-03-02 22:00", 4, "2026-03-03 14:00", "received at night: counting starts at 08:30")]
    [InlineData("2026-03-03 07:00", 1, "2026-03-03 09:30", "received early in the morning")]
    [InlineData("2026-03-06 16:00", 4, "2026-03-09 11:00", "across a weekend")]
    [InlineData("2026-03-07 10:00", 4, "2026-03-09 14:00", "received on a Saturday")]
    [InlineData("2026-09-30 16:00", 4, "2026-10-08 11:00", "National Day 10-01…10-07 is off")]
    [InlineData("2026-09-30 16:00", 48, "2026-10-15 10:00", "National Day off, Saturday 10-10 worked, Sunday 10-11 off")]
    [InlineData("2026-10-09 16:00", 4, "2026-10-10 11:00", "调休: Saturday 10-10 is a working day")]
    [InlineData("2026-02-13 16:00", 4, "2026-02-14 11:00", "调休: Saturday 02-14 is a working day")]
    [InlineData("2026-02-14 16:00", 4, "2026-02-24 11:00", "Spring Festival 02-15…02-23 is off")]
    [InlineData("2026-02-27 16:00", 4, "2026-02-28 11:00", "调休: Saturday 02-28 is a working day")]
    [InlineData("2026-09-18 16:00", 4, "2026-09-20 11:00", "调休: Sunday 09-20 is a working day")]
    [InlineData("2025-12-31 16:00", 4, "2026-01-04 11:00", "New Year 01-01…01-03 off, Sunday 01-04 worked, across two years with data")]
    [InlineData("2024-02-09 16:00", 4, "2024-02-18 11:00", "2024: Spring Festival off, Sunday 02-18 worked")]
    [InlineData("2025-01-24 17:00", 1, "2025-01-26 09:00", "2025: Sunday 01-26 worked")]
    [InlineData("2025-09-30 17:00", 1, "2025-10-09 09:00", "2025: National Day runs to 10-08")]
    public void Only_working_hours_of_working_days_count(string start, double hours, string expected, string why)
    {
        var due = ClockEngine.Due(Beijing(start), TimeSpan.FromHours(hours), Office);

        due.ShouldNotBeNull();
        InBeijing(due.DueUtc).ShouldBe(InBeijing(Beijing(expected)), why);
        due.Provisional.ShouldBeFalse();
        ClockEngine.Elapsed(Beijing(start), due.DueUtc, Office).ShouldBe(TimeSpan.FromHours(hours), why);
    }

    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-02 14:30", 4)]
    [InlineData("2026-03-02 12:10", "2026-03-02 13:20", 0)] // all of it in the lunch break
    [InlineData("2026-03-06 17:00", "2026-03-09 09:00", 1)] // half an hour Friday, half an hour Monday
    [InlineData("2026-09-30 08:00", "2026-10-08 08:30", 7.5)] // one working day, then the holiday
    [InlineData("2026-03-02 00:00", "2026-03-30 00:00", 150)] // four ordinary weeks
    public void Elapsed_service_time_counts_working_hours_only(string from, string to, double hours)
    {
        ClockEngine.Elapsed(Beijing(from), Beijing(to), Office).ShouldBe(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData("2027-01-01 09:00", 4, "2027-01-01 14:30")] // no 2027 data: Friday 01-01 counts as a weekday
    [InlineData("2026-12-31 16:00", 4, "2027-01-01 11:00")]
    public void A_deadline_in_a_year_without_data_falls_back_to_monday_to_friday_and_is_provisional(
        string start,
        int hours,
        string expected
    )
    {
        var due = ClockEngine.Due(Beijing(start), TimeSpan.FromHours(hours), Office);

        due.ShouldNotBeNull();
        InBeijing(due.DueUtc).ShouldBe(InBeijing(Beijing(expected)));
        due.Provisional.ShouldBeTrue();
        due.MissingYears.ShouldBe([2027]);
    }

    [Fact]
    public void Entering_the_next_years_notice_makes_its_deadlines_final()
    {
        var with2027 = BusinessHours.China(HolidayTable.China.WithYears([new HolidayYear(2027, [Date("2027-01-01")], [])]));

        var due = ClockEngine.Due(Beijing("2027-01-01 09:00"), TimeSpan.FromHours(4), with2027);

        InBeijing(due!.DueUtc).ShouldBe("2027-01-04 14:00:00"); // 01-01 now off: counting starts Monday 08:30
        due.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void A_7x24_deadline_is_never_provisional()
    {
        ClockEngine.Due(Beijing("2027-03-01 09:00"), TimeSpan.FromHours(4), AllHours.Instance)!.Provisional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-03-03", DayKind.DayOff, "2026-03-02 16:00", "2026-03-04 11:00")] // an extra day off moves the deadline a day
    [InlineData("2026-03-07", DayKind.WorkingDay, "2026-03-06 16:00", "2026-03-07 11:00")] // an extra working Saturday
    [InlineData("2026-10-08", DayKind.DayOff, "2026-09-30 16:00", "2026-10-09 11:00")] // extends the shipped holiday
    [InlineData("2026-10-05", DayKind.WorkingDay, "2026-09-30 16:00", "2026-10-05 11:00")] // wins over a shipped day off
    public void Admin_overrides_win_over_the_shipped_data(string date, DayKind kind, string start, string expected)
    {
        var overridden = BusinessHours.China(HolidayTable.China.WithOverrides([new DayOverride(Date(date), kind)]));

        var due = ClockEngine.Due(Beijing(start), TimeSpan.FromHours(4), overridden);

        InBeijing(due!.DueUtc).ShouldBe(InBeijing(Beijing(expected)));
    }

    [Fact]
    public void Several_working_periods_a_day_are_configurable()
    {
        var shifts = BusinessHours.China(periods: [new(new(13, 0), new(18, 0)), new(new(8, 0), new(11, 0)), new(new(19, 0), new(21, 0))]);

        var due = ClockEngine.Due(Beijing("2026-03-02 10:00"), TimeSpan.FromHours(8), shifts);

        // 10–11 (1 h), 13–18 (5 h), 19–21 (2 h)
        InBeijing(due!.DueUtc).ShouldBe("2026-03-02 21:00:00");
    }

    [Fact]
    public void A_contracts_service_terms_pick_the_calendar()
    {
        var table = HolidayTable.China.WithOverrides([new DayOverride(Date("2026-03-03"), DayKind.DayOff)]);

        ServiceCalendars.For(ServiceCalendarKind.AllHours, table, Shanghai).ShouldBeSameAs(AllHours.Instance);
        var office = ServiceCalendars.For(ServiceCalendarKind.BusinessHours, table, Shanghai).ShouldBeOfType<BusinessHours>();
        office.Holidays.ShouldBeSameAs(table);
        office.Periods.ShouldBe(BusinessHours.DefaultPeriods);
    }

    [Fact]
    public void Overlapping_working_periods_are_refused()
    {
        Should.Throw<ArgumentException>(() => BusinessHours.China(periods: [new(new(8, 0), new(12, 0)), new(new(11, 0), new(13, 0))]));
        Should.Throw<ArgumentException>(() => new WorkingPeriod(new(12, 0), new(8, 0)));
    }

    [Fact]
    public void Working_hours_follow_the_customers_zone_through_a_summer_time_change()
    {
        // DESIGN §4 shows instants in the customer's zone; Berlin moves to UTC+2 on Sunday 2026-03-29.
        var berlin = BusinessHours.China(HolidayTable.Empty, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        var due = ClockEngine.Due(new DateTime(2026, 3, 27, 15, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(4), berlin);

        // Friday 16:00–17:30 CET, then Monday 08:30–11:00 CEST = 09:00 UTC
        due!.DueUtc.ShouldBe(new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc));
    }
}
