using System.Globalization;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>Times typed into datetime-local fields are wall-clock times of a zone (the customer's); stored as UTC.</summary>
public static class LocalTime
{
    public static string ForInput(DateTime utc, string? zone) =>
        Display.ToLocal(utc, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The wall-clock time now in the zone, to the minute (what a datetime-local field holds).</summary>
    public static DateTime Minute(DateTime utc, string? zone)
    {
        var local = Display.ToLocal(utc, zone);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    public static string ForInput(DateTime? local) => local?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static DateTime ToUtc(DateTime local, string? zone, string field)
    {
        try
        {
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Display.Zone(zone));
        }
        catch (ArgumentException)
        {
            throw DomainException.For(field, "该时间在时区 {0} 中不存在", zone);
        }
    }
}
