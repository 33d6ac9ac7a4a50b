using System.Globalization;
using System.Text;

namespace AfterSales.Features.Complaints.Precedents;

/// <summary>
/// The terms a complaint's text is compared by. Chinese has no spaces between words, and a
/// word segmenter needs a dictionary; overlapping character bigrams (灯箱不亮 → 灯箱, 箱不, 不亮)
/// match most two-character words without one. Runs of letters and digits count as one term
/// (lower-cased); punctuation and spaces end a run.
/// </summary>
public static class Bigrams
{
    public static Dictionary<string, int> Of(string? text)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
            return terms;
        var word = new StringBuilder();
        var (previous, run) = ('\0', 0);
        foreach (var ch in text)
        {
            if (IsHan(ch))
            {
                Flush(word, terms);
                if (run > 0)
                    Add(terms, string.Concat(previous, ch));
                (previous, run) = (ch, run + 1);
                continue;
            }
            EndRun(previous, run, terms);
            run = 0;
            if (char.IsLetterOrDigit(ch))
                word.Append(char.ToLowerInvariant(ch));
            else
                Flush(word, terms);
        }
        EndRun(previous, run, terms);
        Flush(word, terms);
        return terms;
    }

    // A lone Han character between other text has no bigram: it counts as a term of its own.
    static void EndRun(char previous, int run, Dictionary<string, int> terms)
    {
        if (run == 1)
            Add(terms, previous.ToString());
    }

    static bool IsHan(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherLetter && ch >= '\u2E80' && ch <= '\u9FFF';

    static void Flush(StringBuilder word, Dictionary<string, int> terms)
    {
        if (word.Length == 0)
            return;
        Add(terms, word.ToString());
        word.Clear();
    }

    static void Add(Dictionary<string, int> terms, string term) => terms[term] = terms.TryGetValue(term, out var n) ? n + 1 : 1;
}
