using System.Text.RegularExpressions;

namespace AfterSales.Features.Customers;

/// <summary>Chinese mobile (13812345678), landline (010-12345678, 0571-8888888-123) and 400/800 numbers.</summary>
public static partial class PhoneNumber
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var s = raw.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("－", "-", StringComparison.Ordinal);
        if (s.StartsWith("+86", StringComparison.Ordinal))
            s = s[3..].TrimStart('-');
        return s;
    }

    public static bool IsValid(string normalized) => Pattern().IsMatch(normalized);

    /// <summary>Digits only, for matching a caller number against stored numbers.</summary>
    public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$")]
    private static partial Regex Pattern();
}
