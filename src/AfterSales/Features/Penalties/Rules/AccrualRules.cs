using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Penalties.Rules;

/// <summary>
/// What one visit of the accrual does to one clock: the periods to charge now, those charged
/// before that the clock's final state shows were never owed, and when to look again.
/// </summary>
/// <param name="Owed">Periods owed as the clock stands (final once it is met).</param>
/// <param name="Charge">New periods to charge, in order (after the ones charged before).</param>
/// <param name="Excess">Periods charged before but not owed after all, to be corrected.</param>
/// <param name="Charged">Highest period charged once this plan is carried out.</param>
/// <param name="NextCheckUtc">When the next period begins; null when nothing more can be owed until the clock changes.</param>
public sealed record AccrualPlan(int Owed, IReadOnlyList<int> Charge, IReadOnlyList<int> Excess, int Charged, DateTime? NextCheckUtc);

/// <summary>
/// DESIGN §5 applied to one stored clock. The due instant is the clock engine's (extended only by
/// pauses that began before it: a pause that begins after it does not move it); the periods are
/// <see cref="LatePeriods"/>. A response clock owes one entry once breached. While a clock is open
/// each period is charged as it begins, so an open work order shows what it owes already; meeting
/// the clock stops further entries. A meeting event recorded later with an earlier time (a
/// technician who was offline) may show that periods charged meanwhile were never owed: those are
/// corrected by counter-entries, never by editing the ledger.
/// </summary>
public static class AccrualRules
{
    public static AccrualPlan Plan(ClockKind kind, DateTime? dueUtc, DateTime? metAtUtc, int charged, DateTime nowUtc)
    {
        if (!kind.IsPenalised())
            throw new ArgumentException($"The {kind} clock carries no penalty (DESIGN §5).", nameof(kind));
        ArgumentOutOfRangeException.ThrowIfNegative(charged);
        var end = metAtUtc ?? nowUtc;
        var owed = dueUtc is { } due ? Owed(kind, due, end) : 0;
        var charge = Range(charged + 1, owed);
        var excess = metAtUtc is null ? [] : Range(owed + 1, charged);
        var after = Math.Max(charged, owed);
        return new AccrualPlan(owed, charge, excess, after, metAtUtc is null ? Next(kind, dueUtc, after) : null);
    }

    static int Owed(ClockKind kind, DateTime due, DateTime end) =>
        kind == ClockKind.Response ? (end > due ? 1 : 0) : LatePeriods.Count(due, end);

    /// <summary>An open clock is looked at again when its next period begins; the response clock has only one.</summary>
    static DateTime? Next(ClockKind kind, DateTime? dueUtc, int charged) =>
        dueUtc is not { } due ? null
        : kind == ClockKind.Response ? (charged == 0 ? due : null)
        : due + LatePeriods.Length * charged;

    static int[] Range(int from, int to) => from > to ? [] : [.. Enumerable.Range(from, to - from + 1)];

    /// <summary>When period <paramref name="period"/> of a clock began: the breach instant for a response.</summary>
    public static DateTime PeriodStart(ClockKind kind, DateTime dueUtc, int period) =>
        kind == ClockKind.Response ? dueUtc : LatePeriods.Start(dueUtc, period);
}
