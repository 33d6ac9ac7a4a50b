using System.Text;

namespace AfterSales.Platform.Formatting;

/// <summary>
/// 大写金额: an amount in fen written in Chinese capital numerals, as on invoices, cheques and
/// settlement documents (人民币大写, by the People's Bank rules for filling in bills):
/// ¥1,234.50 → 壹仟贰佰叁拾肆元伍角整.
/// <list type="bullet">
/// <item>Digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟, groups of four by 万 and 亿 (10¹² is 万亿); a leading
/// 1 of the tens is written (壹拾伍元, never 拾伍元).</item>
/// <item>One 零 for each run of zeros between non-zero digits, across a 万 or 亿 boundary too
/// (壹万零壹元, 壹亿零壹佰元); none for trailing zeros (壹佰万元).</item>
/// <item>角 zero with 分 non-zero: 零 after 元 (壹万陆仟肆佰零玖元零贰分). The rules allow a 零 after 元
/// when only the 元 digit is zero and 角 is not; it is not written here (壹仟陆佰捌拾元叁角贰分).</item>
/// <item>整 after 元 or 角 when there are no 分; none after 分. Less than a yuan starts at 角 or 分
/// (伍角整, 伍分); nothing at all is 零元整.</item>
/// <item>A negative amount (a waiver) is prefixed 负.</item>
/// </list>
/// </summary>
public static class ChineseAmount
{
    const string Digits = "零壹贰叁肆伍陆柒捌玖";
    static readonly string[] Places = ["", "拾", "佰", "仟"];
    const ulong Wan = 10_000;
    const ulong Yi = 100_000_000;

    public static string Of(long fen)
    {
        // long.MinValue has no positive long: the magnitude is taken as unsigned.
        var magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        var (yuan, jiao, cents) = (magnitude / 100, (int)(magnitude / 10 % 10), (int)(magnitude % 10));
        var s = new StringBuilder();
        if (fen < 0)
            s.Append('负');
        if (yuan > 0 || (jiao == 0 && cents == 0))
            s.Append(Integer(yuan)).Append('元');
        if (jiao > 0)
            s.Append(Digits[jiao]).Append('角');
        else if (cents > 0 && yuan > 0)
            s.Append('零');
        if (cents > 0)
            s.Append(Digits[cents]).Append('分');
        else
            s.Append('整');
        return s.ToString();
    }

    /// <summary>A whole number of yuan: 亿 above 万 above a four-digit section, each part read the same way.</summary>
    static string Integer(ulong n) =>
        n >= Yi ? Integer(n / Yi) + "亿" + Rest(n % Yi, Yi)
        : n >= Wan ? Section((int)(n / Wan)) + "万" + Rest(n % Wan, Wan)
        : n == 0 ? Digits[0].ToString()
        : Section((int)n);

    /// <summary>What follows a 亿 or 万: nothing, or 零 when its highest place is empty (壹万零伍拾).</summary>
    static string Rest(ulong rest, ulong unit) =>
        rest == 0 ? ""
        : rest < unit / 10 ? Digits[0] + Integer(rest)
        : Integer(rest);

    /// <summary>1…9999: 仟佰拾 and units, one 零 for inner zeros, none at the end.</summary>
    static string Section(int n)
    {
        var s = new StringBuilder();
        var zero = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = n / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                zero = s.Length > 0;
                continue;
            }
            if (zero)
                s.Append(Digits[0]);
            zero = false;
            s.Append(Digits[digit]).Append(Places[place]);
        }
        return s.ToString();
    }
}
