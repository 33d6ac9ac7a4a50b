using System.Globalization;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// The days a statement covers, as the customer reads them: whole days in the customer's time
/// zone, both ends included, turned into the UTC instants the ledger is queried by
/// ([<see cref="FromUtc"/>, <see cref="ToUtc"/>), by when each entry occurred). No dates: the
/// contract's whole history, which is what a statement shows unless asked otherwise, so that its
/// total is the running total shown on the archive card and the contract page.
/// </summary>
public sealed record StatementPeriod(DateOnly? From, DateOnly? To, DateTime? FromUtc, DateTime? ToUtc)
{
    /// <summary>Outside these the instants would leave the range of dates people mean (and of DateTime in some zones).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static readonly StatementPeriod WholeHistory = new(null, null, null, null);

    public bool IsWholeHistory => From is null && To is null;

    /// <summary>The period between two local dates (either may be open); refuses dates out of range or in the wrong order.</summary>
    public static StatementPeriod Of(DateOnly? from, DateOnly? to, string? timeZone)
    {
        foreach (var (field, date) in new[] { ("From", from), ("To", to) })
        {
            if (date is { } d && (d < Earliest || d > Latest))
                throw DomainException.For(field, "日期应在 {0} 至 {1} 之间", Display.Date(Earliest), Display.Date(Latest));
        }
        if (from > to)
            throw DomainException.For("To", "结束日期不能早于开始日期");
        var zone = Display.Zone(timeZone);
        return new StatementPeriod(from, to, from is { } f ? Start(f, zone) : null, to is { } t ? Start(t.AddDays(1), zone) : null);
    }

    /// <summary>The calendar month that contains <paramref name="day"/>.</summary>
    public static StatementPeriod Month(DateOnly day, string? timeZone)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return Of(first, first.AddMonths(1).AddDays(-1), timeZone);
    }

    /// <summary>The query string that asks for this period again ("" for the whole history).</summary>
    public string Query =>
        IsWholeHistory
            ? ""
            : "?"
                + string.Join(
                    '&',
                    new[] { ("from", From), ("to", To) }
                        .Where(p => p.Item2 is not null)
                        .Select(p => $"{p.Item1}={p.Item2!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
                );

    /// <summary>Local midnight of a day, in UTC (a zone's midnight that does not exist is taken an hour later).</summary>
    static DateTime Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
