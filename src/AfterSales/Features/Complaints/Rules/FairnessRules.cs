namespace AfterSales.Features.Complaints.Rules;

/// <summary>A remedy as the fairness rule sees it: its kind and, for gifts and compensation, its value in fen.</summary>
public sealed record RemedyTerms(RemedyKind Kind, long AmountFen);

public enum FairnessFinding
{
    /// <summary>In line with its precedents, or there are none to compare with.</summary>
    InLine,

    /// <summary>A kind of remedy none of the precedents used.</summary>
    DifferentKind,

    /// <summary>More than the margin below the lowest comparable amount.</summary>
    BelowRange,

    /// <summary>More than the margin above the highest comparable amount.</summary>
    AboveRange,
}

/// <summary>What the rule decided, with the comparable range (fen) when amounts were compared.</summary>
public sealed record FairnessVerdict(FairnessFinding Finding, long? LowFen = null, long? HighFen = null)
{
    public bool NeedsJustification => Finding != FairnessFinding.InLine;
}

/// <summary>
/// 公平原则 (DESIGN §2 promise 15): the same complaint is handled the same way for every customer.
/// A proposed remedy is compared with the remedies of its precedents (similar closed cases of the
/// same category). A kind none of them used, or an amount outside their range by more than the
/// margin, needs a written justification on the case; anything else does not. No precedents, no
/// comparison. Pure: the caller passes the precedents and the margin.
/// </summary>
public static class FairnessRules
{
    public const int DefaultMarginPercent = 20;

    public static bool HasAmount(RemedyKind kind) => kind is RemedyKind.Gift or RemedyKind.Compensation;

    public static FairnessVerdict Judge(RemedyTerms proposed, IReadOnlyList<RemedyTerms> precedents, int marginPercent)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(precedents);
        ArgumentOutOfRangeException.ThrowIfNegative(marginPercent);
        if (precedents.Count == 0)
            return new(FairnessFinding.InLine);
        if (!precedents.Any(p => p.Kind == proposed.Kind))
            return new(FairnessFinding.DifferentKind);
        if (!HasAmount(proposed.Kind))
            return new(FairnessFinding.InLine);
        var amounts = precedents.Where(p => p.Kind == proposed.Kind).Select(p => p.AmountFen).ToList();
        var (low, high) = (amounts.Min(), amounts.Max());
        // Integer arithmetic: amount < low × (1 − m) ⇔ amount × 100 < low × (100 − m); likewise above.
        if (proposed.AmountFen * 100 < low * (100 - Math.Min(marginPercent, 100)))
            return new(FairnessFinding.BelowRange, low, high);
        if (proposed.AmountFen * 100 > high * (100 + marginPercent))
            return new(FairnessFinding.AboveRange, low, high);
        return new(FairnessFinding.InLine, low, high);
    }

    public static string Explain(FairnessFinding finding) =>
        finding switch
        {
            FairnessFinding.InLine => "与先例一致",
            FairnessFinding.DifferentKind => "补救方式与先例不同",
            FairnessFinding.BelowRange => "金额低于先例范围",
            FairnessFinding.AboveRange => "金额高于先例范围",
        };
}
