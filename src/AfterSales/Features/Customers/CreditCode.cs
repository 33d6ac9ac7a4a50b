namespace AfterSales.Features.Customers;

public enum CreditCodeCheck
{
    Valid,

    /// <summary>Well formed, but the check digit does not match: probably a typo; warn, do not refuse.</summary>
    ChecksumFails,

    /// <summary>Empty, wrong length or characters outside the code's alphabet: refused.</summary>
    Malformed,
}

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
/// (no I, O, Z, S, V). The last is a check character: with weights 3^i mod 31 over the first 17,
/// check = 31 − (Σ value × weight mod 31), and 31 becomes 0.
/// </summary>
public static class CreditCode
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static CreditCodeCheck Check(string? code)
    {
        var c = Normalize(code);
        if (c.Length != 18 || c.Any(ch => Alphabet.IndexOf(ch, StringComparison.Ordinal) < 0))
            return CreditCodeCheck.Malformed;
        return c[17] == CheckCharacter(c) ? CreditCodeCheck.Valid : CreditCodeCheck.ChecksumFails;
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
