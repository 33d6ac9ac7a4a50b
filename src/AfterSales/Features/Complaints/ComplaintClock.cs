using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Complaints;

/// <summary>
/// A stored clock of a complaint (reply, explanation, committed resolution). The due instants come
/// from the work orders' clock engine and are stored and indexed, so breach detection reads only
/// the clocks falling due. Complaint clocks never pause.
/// </summary>
public sealed class ComplaintClock
{
    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public ClockKind Kind { get; private set; }
    public DateTime StartedUtc { get; private set; }
    public long WindowSeconds { get; private set; }
    public DateTime? DueUtc { get; private set; }
    public DateTime? DueSoonUtc { get; private set; }
    public DateTime? MetAtUtc { get; private set; }
    public DateTime? BreachedAtUtc { get; private set; }
    public DateTime? DueSoonAlertedAtUtc { get; private set; }
    public bool Provisional { get; private set; }

    ComplaintClock() { }

    internal ComplaintClock(Clock clock, IServiceCalendar contractCalendar)
    {
        (Kind, StartedUtc, WindowSeconds) = (clock.Kind, clock.StartedUtc, (long)clock.Window.TotalSeconds);
        var calendar = ComplaintClockRules.CalendarFor(Kind, contractCalendar);
        var due = ClockEngine.Due(StartedUtc, Window, calendar);
        (DueUtc, Provisional) = (due?.DueUtc, due?.Provisional ?? false);
        DueSoonUtc = ClockEngine.DueSoon(StartedUtc, Window, calendar);
    }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public bool IsOpen => MetAtUtc is null;

    internal void Meet(DateTime occurredAtUtc) => MetAtUtc ??= occurredAtUtc;

    public ClockSnapshot At(DateTime nowUtc, IServiceCalendar contractCalendar) =>
        new Clock(Kind, StartedUtc, Window, null, MetAtUtc).At(nowUtc, ComplaintClockRules.CalendarFor(Kind, contractCalendar));
}
