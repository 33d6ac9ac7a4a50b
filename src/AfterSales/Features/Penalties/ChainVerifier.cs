using System.Collections.Concurrent;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>Where the verified, intact part of a contract's chain ends, and when it was last re-hashed from the first entry.</summary>
public sealed record VerifiedChain(long Sequence, string Hash, DateTime VerifiedAtUtc);

/// <summary>
/// How far each contract's chain was verified, in this process (a singleton). Kept in memory, not in
/// the database: reading a statement writes nothing (a refused form shown again must leave the
/// database as it was), a second instance verifies on its own, and a restart costs one full check.
/// </summary>
public sealed class VerifiedChains
{
    readonly ConcurrentDictionary<long, VerifiedChain> _chains = new();

    public VerifiedChain? Of(long contractId) => _chains.TryGetValue(contractId, out var v) ? v : null;

    internal void Set(long contractId, VerifiedChain verified) => _chains[contractId] = verified;

    /// <summary>Moves on from what was read only: a concurrent full check's result is not overwritten by an older one.</summary>
    internal void Advance(long contractId, VerifiedChain from, VerifiedChain to) => _chains.TryUpdate(contractId, to, from);
}

/// <summary>
/// The hash-chain check of statements, without re-hashing a long ledger on every request. Entries
/// are append-only (the context refuses updates and deletions), so once a prefix of a contract's
/// chain was re-hashed and found intact, a statement re-hashes only the entries appended after it
/// (<see cref="VerifiedChains"/> remembers where it ends). What is changed behind the
/// application's back is still found:
/// <list type="bullet">
/// <item>on every check, two index seeks: the verified prefix still holds exactly its number of
/// entries (one removed or added shows), and its last entry still has the verified hash (a
/// rewritten head shows); either failing re-hashes the whole chain at once;</item>
/// <item>the whole chain is re-hashed from its first entry when the last full check is older than
/// <c>Penalties:ChainFullCheckMinutes</c> (60): a field changed inside the prefix (an amount set by
/// SQL) shows on statements within that time;</item>
/// <item>on demand: <see cref="VerifyAllAsync"/> (the API's chain check) re-hashes every entry.</item>
/// </list>
/// Callers check the contract's visibility first (the ledger's customer-scoped queries).
/// </summary>
public sealed class ChainVerifier(AppDbContext db, VerifiedChains verified, TimeProvider clock, IConfiguration config)
{
    /// <summary>The chain check of a statement: the entries appended since the last check, the whole chain when due.</summary>
    public async Task<ChainCheck> CheckAsync(long contractId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var every = TimeSpan.FromMinutes(config.GetValue("Penalties:ChainFullCheckMinutes", 60));
        var head = verified.Of(contractId);
        if (head is null || now - head.VerifiedAtUtc >= every || !await PrefixStandsAsync(contractId, head, ct))
            return await VerifyAllAsync(contractId, ct);
        var result = LedgerChain.Continue(await LinksAsync(db, contractId, head.Sequence, ct), head.Sequence, head.Hash);
        if (result.IntactSequence > head.Sequence)
            verified.Advance(contractId, head, head with { Sequence = result.IntactSequence, Hash = result.IntactHash });
        return result.Check;
    }

    /// <summary>Re-hashes the contract's whole chain from its first entry and remembers where its intact part ends.</summary>
    public async Task<ChainCheck> VerifyAllAsync(long contractId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = LedgerChain.Continue(await LinksAsync(db, contractId, 0, ct), 0, LedgerHash.Genesis);
        verified.Set(contractId, new VerifiedChain(result.IntactSequence, result.IntactHash, now));
        return result.Check;
    }

    /// <summary>The contract's entries after <paramref name="sequence"/> in chain order, as the check reads them (all of them from 0).</summary>
    internal static async Task<IEnumerable<ChainLink>> LinksAsync(AppDbContext db, long contractId, long sequence, CancellationToken ct)
    {
        var entries = await db
            .PenaltyEntries.IgnoreQueryFilters()
            .AsNoTracking()
            .Include(e => e.Documents)
            .Where(e => e.ContractId == contractId && e.Sequence > sequence)
            .OrderBy(e => e.Sequence)
            .AsSplitQuery()
            .ToListAsync(ct);
        return entries.Select(e => new ChainLink(e.Id, e.Fields, e.Hash));
    }

    /// <summary>The verified prefix is still all there, and still ends with the entry that was verified.</summary>
    async Task<bool> PrefixStandsAsync(long contractId, VerifiedChain head, CancellationToken ct)
    {
        var entries = db.PenaltyEntries.IgnoreQueryFilters().Where(e => e.ContractId == contractId && e.Sequence <= head.Sequence);
        if (await entries.LongCountAsync(ct) != head.Sequence)
            return false;
        return head.Sequence == 0 || await entries.AnyAsync(e => e.Sequence == head.Sequence && e.Hash == head.Hash, ct);
    }
}
