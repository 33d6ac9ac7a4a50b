using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>The rates, total and customer a contract's entries are computed with, read when they are charged.</summary>
internal sealed record ContractTerms(long Id, long CustomerId, long TotalFen, int ResponseBp, int LateRestoreBp);

/// <summary>
/// What an accrual batch needs besides its clocks, read in a few queries for the whole batch: each
/// work order's contract and its terms, and the evidence (the receipt event that started the clocks,
/// the events that met them, the pauses that extended the restore deadline).
/// </summary>
internal sealed class AccrualFacts
{
    sealed record Order(long Id, long? ContractId);

    sealed record Event(long Id, long WorkOrderId, WorkOrderEventType Type, DateTime OccurredAtUtc);

    sealed record PauseRow(long Id, long WorkOrderId, DateTime FromUtc);

    Dictionary<long, Order> _orders = [];
    Dictionary<long, ContractTerms> _contracts = [];
    ILookup<long, Event> _events = Array.Empty<Event>().ToLookup(e => e.WorkOrderId);
    ILookup<long, PauseRow> _pauses = Array.Empty<PauseRow>().ToLookup(p => p.WorkOrderId);

    public IEnumerable<long> ContractIds => _contracts.Keys;

    public static async Task<AccrualFacts> LoadAsync(AppDbContext db, IReadOnlyList<WorkOrderClock> clocks, CancellationToken ct)
    {
        var ids = clocks.Select(c => c.WorkOrderId).Distinct().ToList();
        var facts = new AccrualFacts
        {
            _orders = await db
                .WorkOrders.IgnoreQueryFilters()
                .Where(w => ids.Contains(w.Id))
                .Select(w => new Order(w.Id, w.ContractId))
                .ToDictionaryAsync(w => w.Id, ct),
        };
        var contractIds = facts._orders.Values.Where(o => o.ContractId is not null).Select(o => o.ContractId!.Value).Distinct().ToList();
        facts._contracts = await db
            .Contracts.IgnoreQueryFilters()
            .Where(c => contractIds.Contains(c.Id))
            .Select(c => new ContractTerms(c.Id, c.CustomerId, c.TotalFen, c.Terms.ResponsePenaltyBp, c.Terms.LateRestorePenaltyBp))
            .ToDictionaryAsync(c => c.Id, ct);
        WorkOrderEventType[] types = [WorkOrderEventType.Received, WorkOrderEventType.Responded, WorkOrderEventType.Restored];
        facts._events = (
            await db
                .WorkOrderEvents.Where(e => ids.Contains(e.WorkOrderId) && types.Contains(e.Type))
                .Select(e => new Event(e.Id, e.WorkOrderId, e.Type, e.OccurredAtUtc))
                .ToListAsync(ct)
        ).ToLookup(e => e.WorkOrderId);
        var restoreIds = clocks.Where(c => c.Kind == ClockKind.Restore).Select(c => c.WorkOrderId).Distinct().ToList();
        facts._pauses = (
            await db.Set<WorkOrderPause>()
                .Where(p => restoreIds.Contains(p.WorkOrderId))
                .Select(p => new PauseRow(p.Id, p.WorkOrderId, p.FromUtc))
                .ToListAsync(ct)
        ).ToLookup(p => p.WorkOrderId);
        return facts;
    }

    public ContractTerms? Contract(WorkOrderClock c) =>
        _orders.TryGetValue(c.WorkOrderId, out var o) && o.ContractId is { } id ? _contracts.GetValueOrDefault(id) : null;

    /// <summary>The clock's evidence as it stands; the meeting event only once the clock is met.</summary>
    public ClockEvidence Evidence(WorkOrderClock c)
    {
        var due = c.DueUtc ?? c.MetAtUtc ?? c.StartedUtc;
        var events = _events[c.WorkOrderId].OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).ToList();
        var start = events.FirstOrDefault(e => e.Type == WorkOrderEventType.Received)?.Id;
        var meeting = c.Kind == ClockKind.Response ? WorkOrderEventType.Responded : WorkOrderEventType.Restored;
        // The first meeting event at the met instant: a reopened work order may be restored again later.
        var end = c.MetAtUtc is { } met
            ? (events.FirstOrDefault(e => e.Type == meeting && e.OccurredAtUtc == met) ?? events.FirstOrDefault(e => e.Type == meeting))?.Id
            : null;
        IReadOnlyList<long> pauses =
            c.Kind == ClockKind.Restore
                ? [.. _pauses[c.WorkOrderId].Where(p => p.FromUtc < due).OrderBy(p => p.FromUtc).Select(p => p.Id)]
                : [];
        return new ClockEvidence(c.Id, due, start, end, pauses);
    }
}
