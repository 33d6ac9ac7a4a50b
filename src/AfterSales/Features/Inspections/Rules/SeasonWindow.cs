namespace AfterSales.Features.Inspections.Rules;

/// <summary>
/// When in the year a season's round is due, as month and day of its first and last day
/// (inclusive). A window whose last day comes before its first in the calendar crosses the year
/// end: 12-01 … 02-28 runs from December into the next February. A last day of 02-28 means "the
/// end of February", so it becomes 02-29 in a leap year.
/// </summary>
public readonly record struct SeasonWindow(int FromMonth, int FromDay, int UntilMonth, int UntilDay)
{
    public static readonly SeasonWindow SummerDefault = new(6, 1, 8, 31);
    public static readonly SeasonWindow WinterDefault = new(12, 1, 2, 28);

    public static SeasonWindow Default(Season season) => season == Season.Summer ? SummerDefault : WinterDefault;

    public bool CrossesYearEnd => (UntilMonth, UntilDay).CompareTo((FromMonth, FromDay)) < 0;

    /// <summary>The days of the window that starts in <paramref name="seasonYear"/>.</summary>
    public (DateOnly From, DateOnly Until) In(int seasonYear)
    {
        var from = Day(seasonYear, FromMonth, FromDay);
        var until = Day(CrossesYearEnd ? seasonYear + 1 : seasonYear, UntilMonth, UntilDay);
        return (from, until);
    }

    /// <summary>Checks a window typed by an admin; the message names the field that is wrong.</summary>
    public static string? Problem(int fromMonth, int fromDay, int untilMonth, int untilDay)
    {
        if (!Valid(fromMonth, fromDay))
            return "开始日期无效";
        if (!Valid(untilMonth, untilDay))
            return "结束日期无效";
        if ((fromMonth, fromDay) == (untilMonth, untilDay))
            return "巡检窗口至少两天";
        var w = new SeasonWindow(fromMonth, fromDay, untilMonth, untilDay);
        var (f, u) = w.In(2025);
        // A window longer than half a year would overlap the other season's.
        return u.DayNumber - f.DayNumber + 1 > 183 ? "巡检窗口不能超过半年" : null;
    }

    static bool Valid(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);

    /// <summary>29 February in a common year, and "28 February" as the month's end, both mean the last day of February.</summary>
    static DateOnly Day(int year, int month, int day)
    {
        if (month == 2 && day >= 28)
            return new DateOnly(year, 2, DateTime.DaysInMonth(year, 2));
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    public override string ToString() => $"{FromMonth:00}-{FromDay:00} – {UntilMonth:00}-{UntilDay:00}";
}
