using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.WorkOrders;

/// <summary>The calendar a work order's clocks run on: the contract's kind in the customer's zone, with the shipped holidays.</summary>
public sealed class ServiceCalendarProvider
{
    public HolidayTable Holidays { get; } = HolidayTable.China;

    public IServiceCalendar For(ServiceCalendarKind kind, string? timeZone) => ServiceCalendars.For(kind, Holidays, Display.Zone(timeZone));

    public IServiceCalendar For(WorkOrder w) => For(w.Calendar, w.TimeZone);
}
