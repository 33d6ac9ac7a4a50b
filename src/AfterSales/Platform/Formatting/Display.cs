using System.Collections.Concurrent;
using System.Globalization;

namespace AfterSales.Platform.Formatting;

/// <summary>How amounts, instants and dates look everywhere: ¥1,234.50, 2026-11-25 14:30, Asia/Shanghai.</summary>
public static class Display
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static string Money(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = fen == long.MinValue ? (decimal)long.MinValue * -1 : Math.Abs(fen);
        return $"{sign}¥{(abs / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture)}";
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Instant(DateTime? utc, string? timeZone = null) =>
        utc is null ? "—" : ToLocal(utc.Value, timeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateTime ToLocal(DateTime utc, string? timeZone = null) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZone));

    public static DateOnly Today(TimeProvider clock, string? timeZone = null) =>
        DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime, timeZone));

    // Looking a zone up takes a process-wide lock; every intake and every rendered instant asks for one.
    static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Zone(string? id) =>
        Zones.GetOrAdd(string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id, static z => Find(z));

    static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
        }
    }

    public static bool IsKnownZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
