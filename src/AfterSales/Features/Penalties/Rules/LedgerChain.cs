namespace AfterSales.Features.Penalties.Rules;

/// <summary>One stored entry as the chain check reads it: its fields and the hash stored with it.</summary>
public sealed record ChainLink(long EntryId, LedgerFields Fields, string Hash);

/// <summary>
/// The result of re-computing a contract's chain: intact, or broken at the first entry (by its
/// sequence number, 1, 2, 3…) that is missing, out of order, altered, or not linked to the one before.
/// </summary>
public sealed record ChainCheck(bool Intact, int Entries, long? BrokenAtSequence, long? BrokenEntryId, ChainProblem? Problem)
{
    public static ChainCheck Ok(int entries) => new(true, entries, null, null, null);
}

public enum ChainProblem
{
    /// <summary>A sequence number is missing (an entry was removed) or repeated.</summary>
    Gap,

    /// <summary>The entry's previous-hash is not the hash of the entry before it.</summary>
    Link,

    /// <summary>The entry's fields no longer give its stored hash (it was changed).</summary>
    Content,
}

/// <summary>
/// A chain check with where the intact part ends: the last entry (sequence and hash) up to which every
/// entry was found in place, linked and unchanged — the point a later check can continue from.
/// </summary>
public sealed record ChainVerification(ChainCheck Check, long IntactSequence, string IntactHash);

public static class LedgerChain
{
    /// <param name="links">A contract's entries in sequence order.</param>
    public static ChainCheck Verify(IEnumerable<ChainLink> links) => Continue(links, 0, LedgerHash.Genesis).Check;

    /// <summary>
    /// Verifies the entries after a part already verified, which ends at <paramref name="sequence"/>
    /// with <paramref name="hash"/> (0 and the genesis hash: the whole chain). The counts and the
    /// sequence numbers in the result are the whole chain's, as if it had been read from the start.
    /// </summary>
    /// <param name="links">The entries after <paramref name="sequence"/>, in sequence order.</param>
    public static ChainVerification Continue(IEnumerable<ChainLink> links, long sequence, string hash)
    {
        var (expected, previous, count) = (sequence + 1, hash, checked((int)sequence));
        foreach (var link in links)
        {
            count++;
            var f = link.Fields;
            if (f.Sequence != expected)
                return Broken(new ChainCheck(false, count, expected, f.Sequence > expected ? null : link.EntryId, ChainProblem.Gap));
            if (f.PreviousHash != previous)
                return Broken(new ChainCheck(false, count, f.Sequence, link.EntryId, ChainProblem.Link));
            if (LedgerHash.Compute(f) != link.Hash)
                return Broken(new ChainCheck(false, count, f.Sequence, link.EntryId, ChainProblem.Content));
            (expected, previous) = (expected + 1, link.Hash);
        }
        return new ChainVerification(ChainCheck.Ok(count), expected - 1, previous);

        // Every entry before the broken one was checked: the intact part ends just before it.
        ChainVerification Broken(ChainCheck check) => new(check, expected - 1, previous);
    }

    public static string Title(ChainProblem problem) =>
        problem switch
        {
            ChainProblem.Gap => "序号不连续（记录被删除或重复）",
            ChainProblem.Link => "与上一条记录的哈希链接不符",
            ChainProblem.Content => "记录内容与其哈希不符（被修改）",
        };
}
