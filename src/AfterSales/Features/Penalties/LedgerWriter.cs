using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// Appends entries to contracts' chains inside the caller's transaction: reads each contract's
/// head once, gives each entry the next sequence number, the cap and the hashes, and moves the
/// head. Nothing is written until <see cref="SaveAsync"/> or <see cref="SaveManyAsync"/>; two writers on one contract collide on the
/// head's sequence (a concurrency token) or on the entries' unique (contract, sequence), and the
/// loser's whole transaction is retried (<see cref="LedgerRetry"/>). A <paramref name="bulk"/> writer
/// (accrual: thousands of entries on thousands of contracts) keeps the heads out of the change
/// tracker and writes entries and heads with <see cref="SaveManyAsync"/>.
/// </summary>
internal sealed class LedgerWriter(AppDbContext db, bool bulk = false)
{
    readonly Dictionary<long, PenaltyChain> _chains = [];

    /// <summary>Bulk: each loaded head's sequence as read (null: no head yet), the condition its move is written under.</summary>
    readonly Dictionary<long, long?> _readAt = [];
    readonly List<PenaltyEntry> _appended = [];
    readonly Dictionary<long, long?> _caps = [];

    /// <summary>Loads the heads of these contracts (and their caps) before any <see cref="Append"/> to them.</summary>
    public async Task LoadAsync(IEnumerable<long> contractIds, CancellationToken ct)
    {
        var ids = contractIds.Where(id => !_chains.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var heads = bulk ? db.PenaltyChains.AsNoTracking() : db.PenaltyChains;
        var chains = await heads.Where(c => EF.Parameter(ids).Contains(c.ContractId)).ToDictionaryAsync(c => c.ContractId, ct);
        var caps = await db
            .Contracts.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.TotalFen,
                c.Terms.PenaltyCapBp,
            })
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            var found = chains.TryGetValue(id, out var chain);
            if (!found)
                chain = new PenaltyChain(id);
            if (bulk)
                _readAt[id] = found ? chain!.Sequence : null;
            else if (!found)
                db.PenaltyChains.Add(chain!);
            _chains[id] = chain!;
        }
        foreach (var c in caps)
            _caps[c.Id] = Rules.PenaltyCap.Of(c.TotalFen, c.PenaltyCapBp);
    }

    public PenaltyEntry Append(EntryDraft draft, Actor by, DateTime nowUtc)
    {
        var chain = _chains.TryGetValue(draft.ContractId, out var c)
            ? c
            : throw new InvalidOperationException($"Contract {draft.ContractId} was not loaded.");
        var entry = PenaltyEntry.Append(draft, chain.Head, _caps.GetValueOrDefault(draft.ContractId), by, nowUtc);
        chain.MoveTo(entry);
        _appended.Add(entry);
        return entry;
    }

    /// <summary>Saves the appended entries (with their evidence documents) and the heads through the change tracker.</summary>
    public Task SaveAsync(CancellationToken ct)
    {
        if (bulk)
            throw new InvalidOperationException("A bulk writer saves with SaveManyAsync.");
        db.PenaltyEntries.AddRange(_appended);
        return db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Saves thousands of entries at once (accrual, a bulk writer): multi-row inserts generated from
    /// the model, then the heads that moved (<see cref="ChainHeads"/>), each only where it still stands
    /// as read, which catches a concurrent writer. Entries with evidence documents go through <see cref="SaveAsync"/>.
    /// </summary>
    public async Task SaveManyAsync(CancellationToken ct)
    {
        if (!bulk)
            throw new InvalidOperationException("Only a bulk writer saves with SaveManyAsync.");
        if (_appended.Any(e => e.Documents.Count > 0))
            throw new InvalidOperationException("Entries with evidence documents are saved one by one.");
        // In chain order: each contract's entries go in one after another, so the chain's index and
        // the statements' (contract, time) index take them at one place per contract, not thousands.
        await BulkRows.InsertAsync(db, [.. _appended.OrderBy(e => e.ContractId).ThenBy(e => e.Sequence)], ct);
        var moved = _appended.Select(e => e.ContractId).Distinct().Select(id => (_chains[id], _readAt[id])).ToList();
        await ChainHeads.WriteAsync(db, moved, ct);
    }
}
