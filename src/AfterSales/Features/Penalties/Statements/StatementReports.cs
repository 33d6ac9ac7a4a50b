using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// Loads a <see cref="StatementReport"/> through the ledger's customer-scoped queries: null when the
/// contract is not visible to the caller (another customer's contract is "not found"). The
/// evidence behind the entries costs two more queries whatever their number.
/// </summary>
public sealed class StatementReports(AppDbContext db, PenaltyLedger ledger, TimeProvider clock)
{
    /// <summary>The contract's header alone: is it visible, and in which time zone are its dates.</summary>
    public Task<ContractHeader?> HeaderAsync(long contractId, CancellationToken ct) => ledger.HeaderAsync(contractId, ct);

    public async Task<StatementReport?> LoadAsync(long contractId, StatementPeriod period, CancellationToken ct)
    {
        var statement = await ledger.StatementAsync(contractId, period.FromUtc, period.ToUtc, ct);
        if (statement is null)
            return null;
        var chain = (await ledger.CheckChainAsync(contractId, ct))!;
        var lines = statement.Entries;

        var eventIds = lines.SelectMany(l => new[] { l.Evidence.StartEventId, l.Evidence.EndEventId }).OfType<long>().Distinct().ToList();
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

        return new StatementReport(statement, period, chain, clock.GetUtcNow().UtcDateTime, events, pauses, sequences);
    }
}
