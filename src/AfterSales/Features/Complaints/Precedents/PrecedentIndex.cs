using System.Buffers;

namespace AfterSales.Features.Complaints.Precedents;

/// <summary>A closed complaint as the index keeps it: its category, its text and its remedy.</summary>
public sealed record PrecedentDoc(long Id, ComplaintCategory Category, string Text, RemedyKind Remedy, long AmountFen);

/// <summary>A precedent found for a text, with its similarity (0 = nothing shared, about 1 = the same text).</summary>
public sealed record PrecedentMatch(
    long Id,
    ComplaintCategory Category,
    bool SameCategory,
    double Score,
    RemedyKind Remedy,
    long AmountFen
);

/// <summary>
/// Similar closed complaints, in memory: an inverted index from each bigram to the cases that
/// contain it. A lookup walks only the postings of the query's own bigrams and scores the cases
/// it meets by the squared inverse document frequency of the bigrams they share, normalised by
/// both lengths (a cosine over TF-IDF-weighted bigram sets). Same category ranks first, then the
/// score. Cost grows with the postings of the query's terms, not with the number of cases: among
/// 100,000 cases a lookup takes milliseconds (bench/README.md). Safe for concurrent readers and writers.
/// </summary>
public sealed class PrecedentIndex : IDisposable
{
    readonly ReaderWriterLockSlim gate = new();
    readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);
    readonly Dictionary<long, int> slots = [];
    readonly List<PrecedentDoc> docs = [];
    readonly List<float> norms = [];

    public void Dispose() => gate.Dispose();

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return docs.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    public bool Contains(long id)
    {
        gate.EnterReadLock();
        try
        {
            return slots.ContainsKey(id);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Adds cases; one already indexed is left as it is (a closed case never changes).</summary>
    public void AddRange(IEnumerable<PrecedentDoc> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var prepared = cases.Select(c => (Doc: c, Terms: Bigrams.Of(c.Text).Keys.ToArray())).ToList();
        gate.EnterWriteLock();
        try
        {
            foreach (var (doc, terms) in prepared)
            {
                if (slots.ContainsKey(doc.Id))
                    continue;
                var slot = docs.Count;
                docs.Add(doc);
                norms.Add(MathF.Sqrt(Math.Max(1, terms.Length)));
                slots[doc.Id] = slot;
                foreach (var t in terms)
                {
                    if (!postings.TryGetValue(t, out var list))
                        postings[t] = list = [];
                    list.Add(slot);
                }
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The <paramref name="take"/> closest cases: same category first, then by score; none sharing nothing.</summary>
    public IReadOnlyList<PrecedentMatch> Search(ComplaintCategory category, string text, int take, long? excludeId = null)
    {
        var query = Bigrams.Of(text).Keys.ToArray();
        if (query.Length == 0 || take <= 0)
            return [];
        gate.EnterReadLock();
        try
        {
            var n = docs.Count;
            if (n == 0)
                return [];
            var scores = ArrayPool<float>.Shared.Rent(n);
            var touched = new List<int>();
            try
            {
                foreach (var term in query)
                {
                    if (!postings.TryGetValue(term, out var list))
                        continue;
                    var idf = MathF.Log(1f + n / (float)list.Count);
                    var weight = idf * idf;
                    foreach (var slot in list)
                    {
                        if (scores[slot] == 0f)
                            touched.Add(slot);
                        scores[slot] += weight;
                    }
                }
                var queryNorm = MathF.Sqrt(query.Length);
                var same = new TopK(take);
                var other = new TopK(take);
                foreach (var slot in touched)
                {
                    var doc = docs[slot];
                    if (doc.Id == excludeId)
                        continue;
                    var score = scores[slot] / (norms[slot] * queryNorm);
                    (doc.Category == category ? same : other).Offer(slot, score);
                }
                return [.. same.Sorted().Concat(other.Sorted()).Take(take).Select(x => Match(docs[x.Slot], category, x.Score))];
            }
            finally
            {
                foreach (var slot in touched)
                    scores[slot] = 0f;
                ArrayPool<float>.Shared.Return(scores);
            }
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    static PrecedentMatch Match(PrecedentDoc d, ComplaintCategory category, float score) =>
        new(d.Id, d.Category, d.Category == category, Math.Round(score, 4), d.Remedy, d.AmountFen);

    /// <summary>The k best (slot, score) pairs seen, kept in a small array: k is a handful.</summary>
    sealed class TopK(int k)
    {
        readonly List<(int Slot, float Score)> best = new(k + 1);

        public void Offer(int slot, float score)
        {
            if (best.Count == k && score <= best[^1].Score)
                return;
            var at = best.FindIndex(b => score > b.Score);
            best.Insert(at < 0 ? best.Count : at, (slot, score));
            if (best.Count > k)
                best.RemoveAt(best.Count - 1);
        }

        public List<(int Slot, float Score)> Sorted() => best;
    }
}
