using System.Globalization;
using System.Text.Json;

namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// Reads ChineseHolidays.json, embedded in the assembly: the dates are data (DESIGN §4 "shipped as data
/// per year"), so the next notice is an edit of that file, not of code.
/// </summary>
internal static class ChineseHolidayData
{
    public const string ResourceName = "AfterSales.Features.WorkOrders.Clocks.ChineseHolidays.json";

    public static IReadOnlyList<HolidayYear> Load()
    {
        using var stream =
            typeof(ChineseHolidayData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    public static IReadOnlyList<HolidayYear> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var years = new List<HolidayYear>();
        foreach (var entry in document.RootElement.GetProperty("years").EnumerateObject())
        {
            var year = int.Parse(entry.Name, CultureInfo.InvariantCulture);
            years.Add(new HolidayYear(year, Days(year, entry.Value.GetProperty("off")), Days(year, entry.Value.GetProperty("workdays"))));
        }
        return years;
    }

    /// <summary>"MM-dd" is one day, "MM-dd..MM-dd" an inclusive range, as the notices write them (<see cref="DayRanges"/>).</summary>
    static List<DateOnly> Days(int year, JsonElement list)
    {
        var days = new List<DateOnly>();
        foreach (var item in list.EnumerateArray())
        {
            var text = item.GetString() ?? throw new FormatException($"{year}: a day must be a string.");
            days.AddRange(DayRanges.Parse(year, text) ?? throw new FormatException($"{year}: '{text}' is not a day or a range of days."));
        }
        return days;
    }
}
