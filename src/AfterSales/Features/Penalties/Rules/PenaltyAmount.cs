namespace AfterSales.Features.Penalties.Rules;

/// <summary>
/// DESIGN §5: an entry's amount is the contract total × a rate in basis points (1% = 100), rounded
/// to the fen half away from zero (四舍五入). Integer arithmetic only: a binary double cannot hold
/// 0.5 fen of ¥99,999,999.99 exactly, and decimal's default rounding is banker's.
/// </summary>
public static class PenaltyAmount
{
    public const int BasisPointsPerWhole = 10_000;

    public static long Of(long totalFen, int rateBp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateBp);
        // Int128 keeps the product exact for any long total and any int rate.
        var product = (Int128)totalFen * rateBp;
        var quotient = product / BasisPointsPerWhole;
        var remainder = product % BasisPointsPerWhole;
        // Half (5,000 of 10,000) or more of a fen goes away from zero; the remainder carries the sign.
        if (Int128.Abs(remainder) * 2 >= BasisPointsPerWhole)
            quotient += Int128.Sign(product);
        return checked((long)quotient);
    }
}
