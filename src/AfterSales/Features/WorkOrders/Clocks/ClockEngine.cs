namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// Deadline arithmetic of DESIGN §4, pure: callers pass every instant (UTC), nothing is read or stored.
/// Service time is working time of the calendar minus paused time.
/// </summary>
public static class ClockEngine
{
    /// <summary>DESIGN §4: a clock is due soon once 75% of its window is consumed.</summary>
    public const int DueSoonPercent = 75;

    /// <summary>
    /// When <paramref name="serviceTime"/> of service time has elapsed since <paramref name="startUtc"/>;
    /// null while an open pause stops the clock before its window ran out. A start outside working
    /// hours counts from the next working period.
    /// </summary>
    public static Deadline? Due(DateTime startUtc, TimeSpan serviceTime, IServiceCalendar calendar, IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = Instants.Utc(startUtc, nameof(startUtc));
        return DueInstant(start, serviceTime, calendar, PauseIntervals.Normalise(pauses, start, DateTime.MaxValue)) is { } due
            ? new Deadline(due, calendar.YearsWithoutData(start, due))
            : null;
    }

    /// <summary>When the clock turns due soon: <see cref="DueSoonPercent"/> of the window, in service time.</summary>
    public static DateTime? DueSoon(DateTime startUtc, TimeSpan window, IServiceCalendar calendar, IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = Instants.Utc(startUtc, nameof(startUtc));
        return DueInstant(start, DueSoonShare(window), calendar, PauseIntervals.Normalise(pauses, start, DateTime.MaxValue));
    }

    /// <summary>Service time consumed between <paramref name="startUtc"/> and <paramref name="nowUtc"/>.</summary>
    public static TimeSpan Elapsed(DateTime startUtc, DateTime nowUtc, IServiceCalendar calendar, IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var (start, now) = (Instants.Utc(startUtc, nameof(startUtc)), Instants.Utc(nowUtc, nameof(nowUtc)));
        return ServiceTime(start, now, calendar, PauseIntervals.Normalise(pauses, start, DateTime.MaxValue));
    }

    /// <summary>
    /// DESIGN §4: met when the meeting event is at or before the due instant (13:00:00 against 13:00:00
    /// is in time, 13:00:01 is not); breached once the due instant has passed unmet.
    /// </summary>
    public static ClockState State(DateTime? dueUtc, DateTime? dueSoonUtc, DateTime? metAtUtc, DateTime nowUtc) =>
        (dueUtc, metAtUtc) switch
        {
            ({ } due, { } met) => met <= due ? ClockState.Met : ClockState.Breached,
            (null, not null) => ClockState.Met,
            ({ } due, null) when nowUtc > due => ClockState.Breached,
            (null, null) => ClockState.Paused,
            _ => nowUtc >= dueSoonUtc ? ClockState.DueSoon : ClockState.Running,
        };

    internal static TimeSpan DueSoonShare(TimeSpan window) => TimeSpan.FromTicks(window.Ticks - window.Ticks / 4);

    internal static DateTime? DueInstant(
        DateTime start,
        TimeSpan serviceTime,
        IServiceCalendar calendar,
        (DateTime From, DateTime To)[] pauses
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceTime, TimeSpan.Zero);
        if (serviceTime == TimeSpan.Zero)
            return start;
        var (resumed, remaining) = (start, serviceTime);
        foreach (var (from, to) in pauses)
        {
            if (from > resumed)
            {
                var available = calendar.WorkingTime(resumed, from);
                if (remaining <= available)
                    return calendar.Advance(resumed, remaining);
                remaining -= available;
            }
            if (to == DateTime.MaxValue)
                return null;
            resumed = to > resumed ? to : resumed;
        }
        return calendar.Advance(resumed, remaining);
    }

    internal static TimeSpan ServiceTime(DateTime start, DateTime now, IServiceCalendar calendar, (DateTime From, DateTime To)[] pauses)
    {
        var (counted, resumed) = (TimeSpan.Zero, start);
        foreach (var (from, to) in pauses)
        {
            if (from >= now)
                break;
            counted += calendar.WorkingTime(resumed, from);
            resumed = to > resumed ? to : resumed;
        }
        return counted + calendar.WorkingTime(resumed, now);
    }
}
