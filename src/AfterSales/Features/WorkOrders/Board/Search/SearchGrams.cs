namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// The n-grams of the board search index: every run of two and of three characters of a text.
/// A term of two characters is looked up as its one bigram; a longer one by its trigrams, every one
/// of which a text containing the term contains too. Chinese has no word boundaries, hence grams
/// rather than words; two-character terms (灯箱, 松动) are common, hence bigrams as well as trigrams.
/// Characters are Unicode scalar values, as SQL's substr and instr count them on both providers.
/// </summary>
public static class SearchGrams
{
    /// <summary>Every bigram and trigram of <paramref name="text"/>, once each.</summary>
    public static IEnumerable<string> Of(string text)
    {
        var chars = Scalars(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Count; i++)
        {
            grams.Add(chars[i] + chars[i + 1]);
            if (i + 2 < chars.Count)
                grams.Add(chars[i] + chars[i + 1] + chars[i + 2]);
        }
        return grams;
    }

    /// <summary>
    /// The grams a text containing <paramref name="term"/> must have: its bigram for two
    /// characters, its distinct trigrams for more; none for one character (the board walks instead).
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

    static List<string> Scalars(string text)
    {
        var chars = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes())
            chars.Add(rune.ToString());
        return chars;
    }
}
