namespace AfterSales.Features.Penalties;

/// <summary>
/// How far a contract's hash chain has been verified: the last entry (sequence and hash) up to which
/// every entry was re-hashed and found intact, and when the chain was last re-hashed from its first
/// entry. A statement then re-hashes only the entries appended since (<see cref="ChainVerifier"/>).
/// Written by SQL (an upsert), not the change tracker: two statements checking one contract at once
/// must not fail each other.
/// </summary>
public sealed class PenaltyChainCheck
{
    public long ContractId { get; private set; }

    /// <summary>The last entry of the verified, intact part of the chain (0: none yet, or the first entry is bad).</summary>
    public long Sequence { get; private set; }
    public string Hash { get; private set; } = "";

    /// <summary>When every entry of the chain was last re-hashed from the first one.</summary>
    public DateTime VerifiedAtUtc { get; private set; }

    PenaltyChainCheck() { }
}
