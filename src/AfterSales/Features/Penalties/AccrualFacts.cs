using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>The rates, total and customer a contract's entries are computed with, read when they are charged.</summary>
internal sealed record ContractTerms(long Id, long CustomerId, long TotalFen, int ResponseBp, int LateRestoreBp);

/// <summary>
/// What an accrual batch needs besides its clocks, read in a few set queries for the whole batch:
/// each work order's contract and terms with the receipt event that started its clocks; for met
/// clocks, the events that met them; for restore clocks, the pauses that extended the deadline.
/// </summary>
internal sealed class AccrualFacts
{
    sealed record Order(long Id, long? ReceivedEventId, ContractTerms? Contract);

    sealed record Event(long Id, long WorkOrderId, WorkOrderEventType Type, DateTime OccurredAtUtc);

    sealed record PauseRow(long Id, long WorkOrderId, DateTime FromUtc);

    Dictionary<long, Order> _orders = [];
    ILookup<long, Event> _meetings = Array.Empty<Event>().ToLookup(e => e.WorkOrderId);
    ILookup<long, PauseRow> _pauses = Array.Empty<PauseRow>().ToLookup(p => p.WorkOrderId);

    public IEnumerable<long> ContractIds => _orders.Values.Where(o => o.Contract is not null).Select(o => o.Contract!.Id).Distinct();

    public static async Task<AccrualFacts> LoadAsync(AppDbContext db, IReadOnlyList<WorkOrderClock> clocks, CancellationToken ct)
    {
        var ids = clocks.Select(c => c.WorkOrderId).Distinct().ToList();
        var orders = await (
            from w in db.WorkOrders.IgnoreQueryFilters()
            where EF.Parameter(ids).Contains(w.Id)
            join c in db.Contracts.IgnoreQueryFilters() on w.ContractId equals (long?)c.Id into cs
            from c in cs.DefaultIfEmpty()
            select new Order(
                w.Id,
                db.WorkOrderEvents.Where(e => e.WorkOrderId == w.Id && e.Type == WorkOrderEventType.Received).Min(e => (long?)e.Id),
                c == null
                    ? null
                    : new ContractTerms(c.Id, c.CustomerId, c.TotalFen, c.Terms.ResponsePenaltyBp, c.Terms.LateRestorePenaltyBp)
            )
        ).ToListAsync(ct);
        var facts = new AccrualFacts { _orders = orders.ToDictionary(o => o.Id) };
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

    public ContractTerms? Contract(WorkOrderClock c) => _orders.TryGetValue(c.WorkOrderId, out var o) ? o.Contract : null;

    /// <summary>The clock's evidence as it stands; the meeting event only once the clock is met.</summary>
    public ClockEvidence Evidence(WorkOrderClock c)
    {
        var due = c.DueUtc ?? c.MetAtUtc ?? c.StartedUtc;
        var start = _orders.TryGetValue(c.WorkOrderId, out var o) ? o.ReceivedEventId : null;
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
        return new ClockEvidence(c.Id, due, start, end, pauses);
    }
}
