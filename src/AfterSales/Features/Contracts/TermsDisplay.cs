using System.Globalization;
using AfterSales.Platform.Localization;

namespace AfterSales.Features.Contracts;

/// <summary>Service terms as people read them: basis points as percentages, calendars by name.</summary>
public static class TermsDisplay
{
    /// <summary>100 bp → "1.00%".</summary>
    public static string Percent(int bp) => (bp / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Cap(int? bp) => bp is { } b ? Percent(b) : Texts.T("无");

    public static string Calendar(ServiceCalendarKind kind) =>
        kind switch
        {
            ServiceCalendarKind.AllHours => "7x24",
            ServiceCalendarKind.BusinessHours => Texts.T("工作日历"),
        };
}
