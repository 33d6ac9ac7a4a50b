using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// What an accrual batch needs besides its clocks (<see cref="ClockToAccrue"/>), read in a set query or
/// two for the whole batch: for met clocks, the events that met them; for restore clocks, the pauses
/// that extended the deadline.
/// </summary>
internal sealed class AccrualFacts
{
    sealed record Event(long Id, long WorkOrderId, WorkOrderEventType Type, DateTime OccurredAtUtc);

    sealed record PauseRow(long Id, long WorkOrderId, DateTime FromUtc);

    ILookup<long, Event> _meetings = Array.Empty<Event>().ToLookup(e => e.WorkOrderId);
    ILookup<long, PauseRow> _pauses = Array.Empty<PauseRow>().ToLookup(p => p.WorkOrderId);

    public static async Task<AccrualFacts> LoadAsync(AppDbContext db, IReadOnlyList<ClockToAccrue> clocks, CancellationToken ct)
    {
        var facts = new AccrualFacts();
        // Most clocks a pass visits are still open: only met ones need their meeting event.
        var met = clocks.Where(c => c.MetAtUtc is not null).Select(c => c.WorkOrderId).Distinct().ToList();
        if (met.Count > 0)
        {
            WorkOrderEventType[] types = [WorkOrderEventType.Responded, WorkOrderEventType.Restored];
            facts._meetings = (
                await db
                    .WorkOrderEvents.Where(e => EF.Parameter(met).Contains(e.WorkOrderId) && types.Contains(e.Type))
                    .Select(e => new Event(e.Id, e.WorkOrderId, e.Type, e.OccurredAtUtc))
                    .ToListAsync(ct)
            ).ToLookup(e => e.WorkOrderId);
        }
        var restore = clocks.Where(c => c.Kind == ClockKind.Restore).Select(c => c.WorkOrderId).Distinct().ToList();
        if (restore.Count > 0)
        {
            facts._pauses = (
                await db.Set<WorkOrderPause>()
                    .Where(p => EF.Parameter(restore).Contains(p.WorkOrderId))
                    .Select(p => new PauseRow(p.Id, p.WorkOrderId, p.FromUtc))
                    .ToListAsync(ct)
            ).ToLookup(p => p.WorkOrderId);
        }
        return facts;
    }

    /// <summary>The clock's evidence as it stands; the meeting event only once the clock is met.</summary>
    public ClockEvidence Evidence(ClockToAccrue c)
    {
        // Only a clock with a due instant is charged, and only a met one corrected: one of the two is there.
        var due = c.DueUtc ?? c.MetAtUtc ?? throw new InvalidOperationException($"Clock {c.Id} has neither a due nor a met instant.");
        long? end = null;
        if (c.MetAtUtc is { } met)
        {
            var type = c.Kind == ClockKind.Response ? WorkOrderEventType.Responded : WorkOrderEventType.Restored;
            var meetings = _meetings[c.WorkOrderId].Where(e => e.Type == type).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).ToList();
            // The event at the met instant: a reopened work order may be restored again later.
            end = (meetings.FirstOrDefault(e => e.OccurredAtUtc == met) ?? meetings.FirstOrDefault())?.Id;
        }
        IReadOnlyList<long> pauses =
            c.Kind == ClockKind.Restore
                ? [.. _pauses[c.WorkOrderId].Where(p => p.FromUtc < due).OrderBy(p => p.FromUtc).Select(p => p.Id)]
                : [];
        return new ClockEvidence(c.Id, due, c.ReceivedEventId, end, pauses);
    }
}
