using System.Globalization;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

/// <summary>Instants written the way people read them: Beijing wall-clock time, or UTC where the zone does not matter.</summary>
internal static class Times
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    public static DateTime Beijing(string local) => TimeZoneInfo.ConvertTimeToUtc(Parse(local), Shanghai);

    public static DateTime Utc(string utc) => DateTime.SpecifyKind(Parse(utc), DateTimeKind.Utc);

    public static string InBeijing(DateTime? utc) =>
        utc is { } u
            ? TimeZoneInfo.ConvertTimeFromUtc(u, Shanghai).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "(none)";

    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateTime Parse(string text) => DateTime.ParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
