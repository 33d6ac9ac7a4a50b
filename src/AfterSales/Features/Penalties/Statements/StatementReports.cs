using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// Loads a <see cref="StatementReport"/> through the ledger's customer-scoped queries: null when the
/// contract is not visible to the caller (another customer's contract is "not found"). The
/// evidence behind the entries costs two more queries whatever their number.
/// </summary>
public sealed class StatementReports(AppDbContext db, PenaltyLedger ledger, ChainVerifier chains, TimeProvider clock)
{
    /// <summary>The contract's header alone: is it visible, and in which time zone are its dates.</summary>
    public Task<ContractHeader?> HeaderAsync(long contractId, CancellationToken ct) => ledger.HeaderAsync(contractId, ct);

    /// <param name="page">The page of entries to print with evidence (1-based); null: all of them.</param>
    public async Task<StatementReport?> LoadAsync(long contractId, StatementPeriod period, CancellationToken ct, int? page = null)
    {
        PenaltyStatement statement;
        StatementPage shown;
        IReadOnlyDictionary<PenaltyKind, int> counts;
        PenaltyHead? last;
        if (page is { } n)
        {
            // The page: totals and counts summed in the database, only the page's entries loaded.
            var onePage = await ledger.PageAsync(contractId, period.FromUtc, period.ToUtc, StatementPage.Size, n, ct);
            if (onePage is null)
                return null;
            statement = onePage.Statement;
            shown = new StatementPage(onePage.Number, onePage.Count, statement.Entries);
            counts = onePage.CountByKind;
            last = onePage.Last;
        }
        else
        {
            if (await ledger.StatementAsync(contractId, period.FromUtc, period.ToUtc, ct) is not { } all)
                return null;
            statement = all;
            shown = StatementPage.All(all.Entries);
            counts = Enum.GetValues<PenaltyKind>().ToDictionary(k => k, k => all.Entries.Count(l => l.Kind == k));
            last = all.Entries.Count == 0 ? null : new PenaltyHead(all.Entries[^1].Sequence, all.Entries[^1].Hash);
        }
        var chain = await chains.CheckAsync(contractId, ct);
        // Evidence only for the entries printed: one page of a long statement costs one page of evidence.
        var lines = shown.Entries;

        var metLater = await MetLaterAsync(lines, ct);
        var eventIds = lines
            .SelectMany(l => new[] { l.Evidence.StartEventId, l.Evidence.EndEventId })
            .OfType<long>()
            .Concat(metLater.Values)
            .Distinct()
            .ToList();
        var events =
            eventIds.Count == 0
                ? new Dictionary<long, EvidenceEvent>()
                : await db
                    .WorkOrderEvents.AsNoTracking()
                    .Where(e => eventIds.Contains(e.Id))
                    .Select(e => new EvidenceEvent(e.Id, e.Type, e.OccurredAtUtc, e.RecordedAtUtc, e.ByName, e.Note))
                    .ToDictionaryAsync(e => e.Id, ct);

        var pauseIds = lines.SelectMany(l => l.Evidence.PauseIds).Distinct().ToList();
        var pauses =
            pauseIds.Count == 0
                ? new Dictionary<long, EvidencePause>()
                : await db.Set<WorkOrderPause>()
                    .AsNoTracking()
                    .Where(p => pauseIds.Contains(p.Id))
                    .Select(p => new EvidencePause(p.Id, p.FromUtc, p.ToUtc, p.Reason))
                    .ToDictionaryAsync(p => p.Id, ct);

        // A waiver may fall in a later period than the entry it cancels: name it by its place in the chain all the same.
        var sequences = lines.ToDictionary(l => l.Id, l => l.Sequence);
        var elsewhere = lines
            .SelectMany(l => new[] { l.OriginalEntryId, l.CounterEntryId })
            .OfType<long>()
            .Where(id => !sequences.ContainsKey(id))
            .Distinct()
            .ToList();
        if (elsewhere.Count > 0)
        {
            foreach (
                var e in await db
                    .PenaltyEntries.AsNoTracking()
                    .Where(e => elsewhere.Contains(e.Id))
                    .Select(e => new { e.Id, e.Sequence })
                    .ToListAsync(ct)
            )
                sequences[e.Id] = e.Sequence;
        }

        return new StatementReport(
            statement,
            period,
            chain,
            clock.GetUtcNow().UtcDateTime,
            events,
            pauses,
            sequences,
            metLater,
            shown,
            counts,
            last
        );
    }

    /// <summary>
    /// An entry is written as its period begins, before the clock is met, so its own evidence has no
    /// meeting event. The statement shows the one recorded since (the first meeting event at the
    /// met instant, as the accrual itself picks it), by clock id.
    /// </summary>
    async Task<Dictionary<long, long>> MetLaterAsync(IReadOnlyList<PenaltyLine> lines, CancellationToken ct)
    {
        var clockIds = lines
            .Where(l => l.Evidence is { ClockId: not null, EndEventId: null })
            .Select(l => l.Evidence.ClockId!.Value)
            .Distinct()
            .ToList();
        if (clockIds.Count == 0)
            return [];
        var clocks = await db
            .WorkOrderClocks.AsNoTracking()
            .Where(c => clockIds.Contains(c.Id) && c.MetAtUtc != null)
            .Select(c => new
            {
                c.Id,
                c.WorkOrderId,
                c.Kind,
                c.MetAtUtc,
            })
            .ToListAsync(ct);
        if (clocks.Count == 0)
            return [];
        var orders = clocks.Select(c => c.WorkOrderId).Distinct().ToList();
        WorkOrderEventType[] meetings = [WorkOrderEventType.Responded, WorkOrderEventType.Restored];
        var events = (
            await db
                .WorkOrderEvents.AsNoTracking()
                .Where(e => orders.Contains(e.WorkOrderId) && meetings.Contains(e.Type))
                .Select(e => new
                {
                    e.Id,
                    e.WorkOrderId,
                    e.Type,
                    e.OccurredAtUtc,
                })
                .ToListAsync(ct)
        ).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).ToLookup(e => e.WorkOrderId);
        var found = new Dictionary<long, long>();
        foreach (var c in clocks)
        {
            var type = c.Kind == ClockKind.Response ? WorkOrderEventType.Responded : WorkOrderEventType.Restored;
            var own = events[c.WorkOrderId].Where(e => e.Type == type).ToList();
            if ((own.FirstOrDefault(e => e.OccurredAtUtc == c.MetAtUtc) ?? own.FirstOrDefault()) is { } e)
                found[c.Id] = e.Id;
        }
        return found;
    }
}
