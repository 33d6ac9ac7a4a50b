namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// The n-grams of the board search index: every run of three characters of a text, and its last two
/// characters. A term of three characters or more is looked up by its trigrams, every one of which
/// a text containing the term contains too. A term of two characters (灯箱, 松动: common, Chinese has
/// no word boundaries) is looked up as a prefix (<see cref="IsPrefix"/>): wherever it stands in a
/// text, either a trigram starts with it or it is the text's last two characters. Posting the
/// bigrams as well would double a work order's postings for no match more; the index's writes were
/// a third of the intake's at a million work orders.
/// Characters are Unicode scalar values, as SQL's substr and instr count them on both providers.
/// </summary>
public static class SearchGrams
{
    /// <summary>
    /// The last code point: in the databases' code-point order (not .NET's ordinal order of UTF-16
    /// units, where U+E000–U+FFFF sort above it) a range from a bigram up to the bigram followed by
    /// this holds exactly the grams that begin with it.
    /// </summary>
    public const string Highest = "\U0010FFFF";

    /// <summary>Every trigram of <paramref name="text"/> and its last bigram, once each.</summary>
    public static IEnumerable<string> Of(string text)
    {
        var chars = Scalars(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < chars.Count; i++)
            grams.Add(chars[i] + chars[i + 1] + chars[i + 2]);
        if (chars.Count >= 2)
            grams.Add(chars[^2] + chars[^1]);
        return grams;
    }

    /// <summary>
    /// The grams a text containing <paramref name="term"/> must have: its bigram for two characters
    /// (a prefix of the text's grams, <see cref="IsPrefix"/>), its distinct trigrams for more; none for
    /// one character (the board walks instead).
    /// </summary>
    public static IReadOnlyList<string> OfTerm(string term)
    {
        var chars = Scalars(term);
        if (chars.Count < 2)
            return [];
        if (chars.Count == 2)
            return [chars[0] + chars[1]];
        return
        [
            .. Enumerable.Range(0, chars.Count - 2).Select(i => chars[i] + chars[i + 1] + chars[i + 2]).Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>A term's gram of two characters stands for every posted gram that begins with it (from it up to it + <see cref="Highest"/>).</summary>
    public static bool IsPrefix(string gram) => Scalars(gram).Count == 2;

    static List<string> Scalars(string text)
    {
        var chars = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes())
            chars.Add(rune.ToString());
        return chars;
    }
}
