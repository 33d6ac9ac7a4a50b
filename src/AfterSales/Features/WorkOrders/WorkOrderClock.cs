using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// A stored clock of a work order. The due instants are kept (and indexed) so that breach
/// detection reads only the clocks falling due; they are recomputed by the engine whenever a
/// pause begins or ends.
/// </summary>
public sealed class WorkOrderClock
{
    public long Id { get; private set; }
    public long WorkOrderId { get; private set; }
    public ClockKind Kind { get; private set; }
    public DateTime StartedUtc { get; private set; }
    public int WindowMinutes { get; private set; }

    /// <summary>Null while a pause stops the clock.</summary>
    public DateTime? DueUtc { get; private set; }
    public DateTime? DueSoonUtc { get; private set; }
    public DateTime? MetAtUtc { get; private set; }
    public DateTime? BreachedAtUtc { get; private set; }
    public DateTime? DueSoonAlertedAtUtc { get; private set; }

    /// <summary>The deadline falls in a year without holiday data: Monday–Friday was assumed.</summary>
    public bool Provisional { get; private set; }

    /// <summary>Set when the restore deadline is the date agreed with the customer.</summary>
    public DateTime? AgreedDueUtc { get; private set; }

    /// <summary>
    /// How many late periods the penalty ledger has charged for this clock (DESIGN §5): 0 or 1 for
    /// the response clock, one per started 24 hours for the restore clock. Only the ledger's
    /// accrual raises it (<see cref="Penalties.ClockToAccrue.Accrued"/>), so a period is never charged twice.
    /// Kept, with <see cref="PenaltyCheckUtc"/>, in a narrow table of its own (<c>WorkOrderClockPenalties</c>).
    /// </summary>
    public int PenaltyPeriods { get; private set; }

    /// <summary>
    /// When the penalty ledger must look at this clock next: its due instant once it may be late,
    /// then the start of its next 24-hour period. Null while there is nothing to charge (met in
    /// time, paused, settled). Indexed, so an accrual pass reads only the clocks that owe something.
    /// </summary>
    public DateTime? PenaltyCheckUtc { get; private set; }

    WorkOrderClock() { }

    internal WorkOrderClock(ClockKind kind, DateTime startedUtc, TimeSpan window) =>
        (Kind, StartedUtc, WindowMinutes) = (kind, startedUtc, (int)window.TotalMinutes);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public bool IsOpen => MetAtUtc is null;

    internal Clock ToClock(IReadOnlyList<Pause> pauses) => new(Kind, StartedUtc, Window, Kind.MayPause() ? pauses : null, MetAtUtc);

    internal void Recompute(IServiceCalendar calendar, IReadOnlyList<Pause> pauses)
    {
        var p = Kind.MayPause() ? pauses : null;
        var due = ClockEngine.Due(StartedUtc, Window, calendar, p);
        DueUtc = due?.DueUtc;
        Provisional = due?.Provisional ?? false;
        DueSoonUtc = ClockEngine.DueSoon(StartedUtc, Window, calendar, p);
        RearmPenaltyCheck(nowUtc: null);
    }

    internal void Meet(DateTime occurredAtUtc, DateTime nowUtc)
    {
        MetAtUtc ??= occurredAtUtc;
        RearmPenaltyCheck(nowUtc);
    }

    /// <summary>
    /// The due or met instant changed: the ledger looks again from the due instant (it charges
    /// what is owed and, once met, settles). A clock met in time, before its due instant passed and
    /// with nothing charged, owes nothing and is never visited. A met clock without a due instant
    /// (restored while paused) is visited only if periods were charged before, to correct them.
    /// </summary>
    void RearmPenaltyCheck(DateTime? nowUtc)
    {
        if (!Kind.IsPenalised())
            PenaltyCheckUtc = null;
        else if (DueUtc is not { } due)
            PenaltyCheckUtc = MetAtUtc is { } met && PenaltyPeriods > 0 ? met : null;
        else if (MetAtUtc is { } met && met <= due && PenaltyPeriods == 0 && nowUtc <= due)
            PenaltyCheckUtc = null;
        else
            PenaltyCheckUtc = due;
    }

    /// <summary>The customer agreed a completion date: the window becomes the service time up to it.</summary>
    internal void AgreeDue(DateTime agreedUtc, IServiceCalendar calendar, IReadOnlyList<Pause> pauses)
    {
        AgreedDueUtc = agreedUtc;
        WindowMinutes = (int)Math.Ceiling(ClockEngine.Elapsed(StartedUtc, agreedUtc, calendar).TotalMinutes);
        Recompute(calendar, pauses);
    }

    public ClockSnapshot At(DateTime nowUtc, IServiceCalendar calendar, IReadOnlyList<Pause> pauses) =>
        ToClock(pauses).At(nowUtc, calendar);
}

/// <summary>A time the restore clock stood still because we were waiting on the customer; the reason is shown to the customer.</summary>
public sealed class WorkOrderPause
{
    public long Id { get; private set; }
    public long WorkOrderId { get; private set; }
    public DateTime FromUtc { get; private set; }
    public DateTime? ToUtc { get; private set; }
    public string Reason { get; private set; } = "";

    WorkOrderPause() { }

    internal WorkOrderPause(DateTime fromUtc, string reason) => (FromUtc, Reason) = (fromUtc, reason.Trim());

    internal void End(DateTime toUtc) => ToUtc = toUtc;

    public Pause ToPause() => new(FromUtc, ToUtc);
}
