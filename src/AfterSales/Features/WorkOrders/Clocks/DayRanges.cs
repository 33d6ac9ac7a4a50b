using System.Globalization;

namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// Days written the way the State Council's notices and ChineseHolidays.json write them: "MM-dd" is one
/// day, "MM-dd..MM-dd" an inclusive range. An administrator typing a notice in may also write "…", "~" or
/// "至" between the ends, and whole dates (yyyy-MM-dd) of the same year.
/// </summary>
public static class DayRanges
{
    static readonly string[] RangeMarks = ["...", "..", "…", "~", "～", "至"];
    static readonly char[] Separators = [',', '，', '、', ';', '；', ' ', '\u3000', '\n', '\r', '\t'];
    static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy-M-d"];

    /// <summary>One item: its days in order, or null when it is not a day or an increasing range of days of <paramref name="year"/>.</summary>
    public static IReadOnlyList<DateOnly>? Parse(int year, string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var ends = item.Trim().Split(RangeMarks, StringSplitOptions.None);
        if (ends.Length > 2 || Day(year, ends[0]) is not { } first || Day(year, ends[^1]) is not { } last || last < first)
            return null;
        return [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)];
    }

    /// <summary>The items of a list separated by commas (also Chinese ones and 、), semicolons or white space.</summary>
    public static IReadOnlyList<string> Items(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static DateOnly? Day(int year, string text)
    {
        text = text.Trim();
        // "MM-dd" belongs to the year being entered; a whole date must name that year itself.
        var whole = text.Count(c => c == '-') == 2 ? text : $"{year}-{text}";
        return DateOnly.TryParseExact(whole, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year == year
            ? day
            : null;
    }
}
