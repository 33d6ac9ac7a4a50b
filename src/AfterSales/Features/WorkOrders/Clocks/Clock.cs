namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// One deadline attached to a work order or complaint, as recorded: when it started, how much service
/// time it allows, its pauses and when it was met. <see cref="At"/> computes everything else.
/// </summary>
public sealed record Clock
{
    public Clock(ClockKind kind, DateTime startedUtc, TimeSpan window, IReadOnlyList<Pause>? pauses = null, DateTime? metAtUtc = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        StartedUtc = Instants.Utc(startedUtc, nameof(startedUtc));
        MetAtUtc = metAtUtc is { } met ? Instants.Utc(met, nameof(metAtUtc)) : null;
        if (MetAtUtc < StartedUtc)
            throw new ArgumentException("A clock cannot be met before it starts.", nameof(metAtUtc));
        Pauses = pauses ?? [];
        if (Pauses.Count > 0 && !kind.MayPause())
            throw new ArgumentException($"The {kind} clock never pauses (DESIGN §4).", nameof(pauses));
        (Kind, Window) = (kind, window);
    }

    public ClockKind Kind { get; }
    public DateTime StartedUtc { get; }

    /// <summary>Service time allowed, e.g. 4 hours of the calendar's working time.</summary>
    public TimeSpan Window { get; }

    public IReadOnlyList<Pause> Pauses { get; }
    public DateTime? MetAtUtc { get; }

    /// <summary>The clock as it stands at <paramref name="nowUtc"/> on <paramref name="calendar"/>.</summary>
    public ClockSnapshot At(DateTime nowUtc, IServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var now = Instants.Utc(nowUtc, nameof(nowUtc));
        // Meeting a clock stops it: a pause still open then ends there, later ones do not count.
        var pauses = PauseIntervals.Normalise(Pauses, StartedUtc, MetAtUtc ?? DateTime.MaxValue);
        var due = ClockEngine.DueInstant(StartedUtc, Window, calendar, pauses);
        var dueSoon = ClockEngine.DueInstant(StartedUtc, ClockEngine.DueSoonShare(Window), calendar, pauses);
        var stoppedAt = MetAtUtc is { } met && met < now ? met : now;
        var paused = pauses.Where(p => p.From < stoppedAt).Sum(p => ((p.To < stoppedAt ? p.To : stoppedAt) - p.From).Ticks);
        return new ClockSnapshot(
            this,
            due is { } d ? new Deadline(d, calendar.YearsWithoutData(StartedUtc, d)) : null,
            dueSoon,
            ClockEngine.ServiceTime(StartedUtc, stoppedAt, calendar, pauses),
            TimeSpan.FromTicks(paused),
            ClockEngine.State(due, dueSoon, MetAtUtc, now)
        );
    }
}

/// <summary>
/// What a clock shows at one instant (issue 3: started, due, met-at, paused time, state).
/// <see cref="Due"/> is null while an open pause stops the clock with time left.
/// </summary>
public sealed record ClockSnapshot(
    Clock Clock,
    Deadline? Due,
    DateTime? DueSoonUtc,
    TimeSpan Consumed,
    TimeSpan PausedTotal,
    ClockState State
)
{
    public ClockKind Kind => Clock.Kind;
    public DateTime StartedUtc => Clock.StartedUtc;
    public DateTime? MetAtUtc => Clock.MetAtUtc;
    public TimeSpan Remaining => Clock.Window > Consumed ? Clock.Window - Consumed : TimeSpan.Zero;
}
