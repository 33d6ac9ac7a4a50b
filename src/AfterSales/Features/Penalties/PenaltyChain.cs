using AfterSales.Features.Penalties.Rules;

namespace AfterSales.Features.Penalties;

/// <summary>Where a contract's chain ends: the last sequence number, its hash, and the rate-based amounts recorded so far.</summary>
internal sealed record ChainHead(long Sequence, string Hash, long AccruedFen)
{
    public static readonly ChainHead Empty = new(0, LedgerHash.Genesis, 0);
}

/// <summary>
/// The head of one contract's ledger, kept beside the entries so an append reads one row instead of
/// searching the chain, and so two writers appending to one contract collide on this row (its
/// sequence is a concurrency token) rather than interleave. It is a copy of the last entry's
/// position: the chain check never trusts it, it reads the entries.
/// </summary>
public sealed class PenaltyChain
{
    public long ContractId { get; private set; }
    public long Sequence { get; private set; }
    public string Hash { get; private set; } = "";
    public long AccruedFen { get; private set; }

    PenaltyChain() { }

    internal PenaltyChain(long contractId) => (ContractId, Hash) = (contractId, LedgerHash.Genesis);

    internal ChainHead Head => new(Sequence, Hash, AccruedFen);

    internal void MoveTo(PenaltyEntry last) => (Sequence, Hash, AccruedFen) = (last.Sequence, last.Hash, last.AccruedFen);
}
