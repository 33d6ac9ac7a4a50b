using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// Appends entries to contracts' chains inside the caller's transaction: reads each contract's
/// head once, gives each entry the next sequence number, the cap and the hashes, and moves the
/// head. Nothing is written until <see cref="SaveAsync"/> or <see cref="SaveManyAsync"/>; two writers on one contract collide on the
/// head's sequence (a concurrency token) or on the entries' unique (contract, sequence), and the
/// loser's whole transaction is retried (<see cref="LedgerRetry"/>).
/// </summary>
internal sealed class LedgerWriter(AppDbContext db)
{
    readonly Dictionary<long, PenaltyChain> _chains = [];
    readonly List<PenaltyEntry> _appended = [];
    readonly Dictionary<long, long?> _caps = [];

    /// <summary>Loads the heads of these contracts (and their caps) before any <see cref="Append"/> to them.</summary>
    public async Task LoadAsync(IEnumerable<long> contractIds, CancellationToken ct)
    {
        var ids = contractIds.Where(id => !_chains.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var chains = await db.PenaltyChains.Where(c => ids.Contains(c.ContractId)).ToDictionaryAsync(c => c.ContractId, ct);
        var caps = await db
            .Contracts.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.TotalFen,
                c.Terms.PenaltyCapBp,
            })
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            if (!chains.TryGetValue(id, out var chain))
                db.PenaltyChains.Add(chain = new PenaltyChain(id));
            _chains[id] = chain;
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
        db.PenaltyEntries.AddRange(_appended);
        return db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Saves thousands of entries at once (accrual): multi-row inserts generated from the model,
    /// then the heads through the change tracker, whose sequence check catches a concurrent writer.
    /// Entries with evidence documents go through <see cref="SaveAsync"/>.
    /// </summary>
    public async Task SaveManyAsync(CancellationToken ct)
    {
        if (_appended.Any(e => e.Documents.Count > 0))
            throw new InvalidOperationException("Entries with evidence documents are saved one by one.");
        await BulkRows.InsertAsync(db, _appended, ct);
        await db.SaveChangesAsync(ct);
    }
}
