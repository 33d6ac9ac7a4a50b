namespace AfterSales.Features.Penalties.Rules;

/// <summary>The amount an entry is recorded at under the contract's optional cap.</summary>
public sealed record CappedAmount(long AmountFen, bool Capped);

/// <summary>
/// DESIGN §5: an optional cap per contract, a share of the total. It limits the gross sum of the
/// rate-based penalties (missed response, late restoration, preventable accident) accrued on the
/// contract: the entry that would pass it is cut to what remains, every later one is recorded at 0
/// and marked capped, so every breach stays visible. Waivers do not give room back: the cap is on
/// what was charged, which does not depend on when or whether a manager waives something, and a
/// waiver never makes a capped entry owe again. Assessed losses are damages, not 违约金, and are
/// outside the cap.
/// </summary>
public static class PenaltyCap
{
    /// <summary>The cap in fen, rounded like any amount; null when the contract has none.</summary>
    public static long? Of(long totalFen, int? capBp) => capBp is { } bp ? PenaltyAmount.Of(totalFen, bp) : null;

    /// <param name="capFen">The cap, or null for none.</param>
    /// <param name="accruedFen">Rate-based amounts already recorded on the contract (after capping).</param>
    /// <param name="amountFen">What this entry would be without a cap.</param>
    public static CappedAmount Apply(long? capFen, long accruedFen, long amountFen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        if (capFen is not { } cap)
            return new CappedAmount(amountFen, false);
        var remaining = Math.Max(0, cap - accruedFen);
        return amountFen <= remaining ? new CappedAmount(amountFen, false) : new CappedAmount(remaining, true);
    }
}
