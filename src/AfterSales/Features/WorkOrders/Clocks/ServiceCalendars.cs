using AfterSales.Features.Contracts;

namespace AfterSales.Features.WorkOrders.Clocks;

public static class ServiceCalendars
{
    /// <summary>The calendar a contract's service terms ask for (DESIGN §4: 7x24 unless business hours are chosen).</summary>
    public static IServiceCalendar For(ServiceCalendarKind kind, HolidayTable holidays, TimeZoneInfo timeZone) =>
        kind switch
        {
            ServiceCalendarKind.AllHours => AllHours.Instance,
            ServiceCalendarKind.BusinessHours => BusinessHours.China(holidays, timeZone),
        };
}
