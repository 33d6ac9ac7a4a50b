using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>The administrator's overrides as the calendar reads them (<see cref="HolidayTable.WithAdminOverrides"/>); Beijing time.</summary>
public sealed class AdminOverridesTests
{
    static Deadline Due(HolidayTable holidays, string start, double hours) =>
        ClockEngine.Due(Beijing(start), TimeSpan.FromHours(hours), BusinessHours.China(holidays))!;

    [Theory]
    [InlineData("2026-03-03", DayKind.DayOff, "2026-03-02 16:00", "2026-03-03 11:00", "2026-03-04 11:00")] // an extra day off
    [InlineData("2026-03-07", DayKind.WorkingDay, "2026-03-06 16:00", "2026-03-09 11:00", "2026-03-07 11:00")] // a Saturday worked
    [InlineData("2026-10-08", DayKind.DayOff, "2026-09-30 16:00", "2026-10-08 11:00", "2026-10-09 11:00")] // a longer National Day
    [InlineData("2026-10-06", DayKind.WorkingDay, "2026-09-30 16:00", "2026-10-08 11:00", "2026-10-06 11:00")] // over a shipped day off
    public void An_override_moves_a_business_hours_deadline(string date, DayKind kind, string start, string before, string after)
    {
        var shipped = Due(HolidayTable.China, start, 4);
        var overridden = Due(HolidayTable.China.WithAdminOverrides([new DayOverride(Date(date), kind)]), start, 4);

        InBeijing(shipped.DueUtc).ShouldBe(InBeijing(Beijing(before)));
        InBeijing(overridden.DueUtc).ShouldBe(InBeijing(Beijing(after)));
        overridden.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void A_year_without_shipped_data_is_entered_by_any_override_and_its_deadlines_are_final()
    {
        // 2027: no notice shipped. Friday 02-05 is entered as a day off (say, the Spring Festival's eve).
        var entered = HolidayTable.China.WithAdminOverrides([new DayOverride(Date("2027-02-05"), DayKind.DayOff)]);

        var before = Due(HolidayTable.China, "2027-02-04 16:00", 4);
        var after = Due(entered, "2027-02-04 16:00", 4);

        before.Provisional.ShouldBeTrue();
        before.MissingYears.ShouldBe([2027]);
        InBeijing(before.DueUtc).ShouldBe("2027-02-05 11:00:00");
        after.Provisional.ShouldBeFalse();
        InBeijing(after.DueUtc).ShouldBe("2027-02-08 11:00:00");
        entered.HasData(2027).ShouldBeTrue();
        entered.HasData(2028).ShouldBeFalse();
    }

    [Fact]
    public void Plain_overrides_still_leave_a_year_without_data_provisional()
    {
        var table = HolidayTable.China.WithOverrides([new DayOverride(Date("2027-02-05"), DayKind.DayOff)]);

        table.HasData(2027).ShouldBeFalse();
        Due(table, "2027-02-04 16:00", 4).Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Without_overrides_the_table_is_the_shipped_one()
    {
        var table = HolidayTable.China.WithAdminOverrides([]);

        table.YearsWithData.Order().ShouldBe([2024, 2025, 2026]);
        table.ListedDays(2026).ShouldBe(HolidayTable.China.ListedDays(2026));
    }

    [Fact]
    public void The_listed_days_of_a_year_are_its_days_off_and_weekend_days_worked_in_order()
    {
        var days = HolidayTable.China.WithAdminOverrides([new DayOverride(Date("2026-03-03"), DayKind.DayOff)]).ListedDays(2026);

        days.Select(d => d.Date).ShouldBeInOrder();
        days.ShouldContain(new DayOverride(Date("2026-03-03"), DayKind.DayOff));
        days.ShouldContain(new DayOverride(Date("2026-10-10"), DayKind.WorkingDay));
        days.Count(d => d.Kind == DayKind.WorkingDay).ShouldBe(6);
        HolidayTable.China.ListedDays(2027).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("02-06", "2027-02-06", "2027-02-06")]
    [InlineData("02-06..02-13", "2027-02-06", "2027-02-13")]
    [InlineData("02-06…02-13", "2027-02-06", "2027-02-13")]
    [InlineData("02-06~02-13", "2027-02-06", "2027-02-13")]
    [InlineData(" 2-6 至 2-13 ", "2027-02-06", "2027-02-13")]
    [InlineData("2027-10-01..2027-10-07", "2027-10-01", "2027-10-07")]
    public void Days_are_read_as_the_notices_write_them(string item, string first, string last)
    {
        var days = DayRanges.Parse(2027, item);

        days.ShouldNotBeNull();
        (days[0], days[^1]).ShouldBe((Date(first), Date(last)));
        days.Count.ShouldBe(Date(last).DayNumber - Date(first).DayNumber + 1);
    }

    [Theory]
    [InlineData("02-13..02-06")]
    [InlineData("02-30")]
    [InlineData("13-01")]
    [InlineData("2026-02-06")]
    [InlineData("02-06..02-08..02-10")]
    [InlineData("春节")]
    public void What_is_not_a_day_or_a_range_of_that_year_is_not_read(string item)
    {
        DayRanges.Parse(2027, item).ShouldBeNull();
    }

    [Fact]
    public void A_list_is_split_at_commas_and_white_space()
    {
        DayRanges
            .Items("01-01, 02-06..02-13，04-05、05-01..05-05\n10-01..10-07")
            .ShouldBe(["01-01", "02-06..02-13", "04-05", "05-01..05-05", "10-01..10-07"]);
        DayRanges.Items(null).ShouldBeEmpty();
    }
}
