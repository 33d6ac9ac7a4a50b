using System.Globalization;

namespace AfterSales.Platform.Formatting;

/// <summary>Reads an amount typed by a person ("1,234.5", "¥1234.50") into whole fen.</summary>
public static class MoneyInput
{
    public const long MaxFen = 99_999_999_999_99; // ¥99,999,999,999.99, far beyond any contract

    public static bool TryParseFen(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var cleaned = text.Trim()
            .TrimStart('¥', '￥')
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("，", "", StringComparison.Ordinal)
            .Trim();
        if (
            !decimal.TryParse(
                cleaned,
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var yuan
            )
        )
            return false;
        var scaled = yuan * 100m;
        if (scaled != decimal.Truncate(scaled) || Math.Abs(scaled) > MaxFen)
            return false; // more than two decimals, or absurdly large
        fen = (long)scaled;
        return true;
    }

    public static string ToInput(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
