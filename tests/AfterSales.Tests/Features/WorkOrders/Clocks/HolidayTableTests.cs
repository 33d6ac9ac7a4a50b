using System.Globalization;
using System.Text;
using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

public sealed class HolidayTableTests
{
    /// <summary>Every day of each year agrees with the DESIGN.md appendix, written here as it is printed there.</summary>
    [Theory]
    [InlineData(
        2024,
        "01-01, 02-10…02-17, 04-04…04-06, 05-01…05-05, 06-10, 09-15…09-17, 10-01…10-07",
        "02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12"
    )]
    [InlineData(2025, "01-01, 01-28…02-04, 04-04…04-06, 05-01…05-05, 05-31…06-02, 10-01…10-08", "01-26, 02-08, 04-27, 09-28, 10-11")]
    [InlineData(
        2026,
        "01-01…01-03, 02-15…02-23, 04-04…04-06, 05-01…05-05, 06-19…06-21, 09-25…09-27, 10-01…10-07",
        "01-04, 02-14, 02-28, 05-09, 09-20, 10-10"
    )]
    public void The_shipped_data_matches_the_state_councils_notice_day_by_day(int year, string daysOff, string weekendDaysWorked)
    {
        var (off, worked) = (Expand(year, daysOff), Expand(year, weekendDaysWorked));
        var table = HolidayTable.China;

        table.HasData(year).ShouldBeTrue();
        worked.ShouldAllBe(d => d.DayOfWeek == DayOfWeek.Saturday || d.DayOfWeek == DayOfWeek.Sunday);
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            table.IsWorkingDay(day).ShouldBe(worked.Contains(day) || (weekday && !off.Contains(day)), $"{day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void Data_is_shipped_for_2024_to_2026_and_not_for_2027()
    {
        HolidayTable.China.YearsWithData.Order().ShouldBe([2024, 2025, 2026]);
        HolidayTable.China.HasData(2027).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2027-01-01", true)] // a Friday: the Monday–Friday fallback
    [InlineData("2027-01-02", false)]
    [InlineData("2023-10-02", true)]
    public void A_year_without_data_counts_monday_to_friday(string date, bool working)
    {
        HolidayTable.China.IsWorkingDay(Date(date)).ShouldBe(working);
    }

    [Fact]
    public void An_override_cannot_say_both_day_off_and_working_day()
    {
        Should.Throw<ArgumentException>(() =>
            HolidayTable.China.WithOverrides([new(Date("2026-03-03"), DayKind.DayOff), new(Date("2026-03-03"), DayKind.WorkingDay)])
        );
    }

    [Fact]
    public void A_year_listing_a_day_twice_or_a_day_of_another_year_is_refused()
    {
        Should.Throw<ArgumentException>(() => new HolidayYear(2027, [Date("2027-02-06")], [Date("2027-02-06")]));
        Should.Throw<ArgumentException>(() => new HolidayYear(2027, [Date("2026-12-31")], []));
    }

    [Theory]
    [InlineData("""{ "years": { "2027": { "off": ["02-10..02-01"], "workdays": [] } } }""")]
    [InlineData("""{ "years": { "2027": { "off": ["02-30"], "workdays": [] } } }""")]
    public void Malformed_holiday_data_is_refused(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Should.Throw<FormatException>(() => ChineseHolidayData.Parse(stream));
    }

    static HashSet<DateOnly> Expand(int year, string days) =>
        [
            .. days.Split(", ")
                .SelectMany(item =>
                {
                    var ends = item.Split('…')
                        .Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture))
                        .ToArray();
                    return Enumerable.Range(0, ends[^1].DayNumber - ends[0].DayNumber + 1).Select(ends[0].AddDays);
                }),
        ];
}
