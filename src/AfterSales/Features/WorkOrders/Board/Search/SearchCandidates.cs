using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// The open work orders a board search may find, looked up instead of walking the board: those
/// whose number or description has the term's grams (<see cref="WorkOrderSearchGram"/>), those
/// the indexer has not reached yet (<see cref="WorkOrderSearchPending"/>, all of them: about a
/// second of intakes) and those of the customers whose name holds the term. A superset: the board still applies its substring
/// test to each. Null when the walk is the better way — a one-character term (no gram) or one that
/// matches so often that the board in its own order fills a page after a few rows.
/// </summary>
internal static class SearchCandidates
{
    /// <summary>Above this many candidates, walking in board order finds a page sooner than looking each up.</summary>
    public const int Most = 2_000;

    /// <summary>A long term is looked up by some of its grams, spread over it: each one only narrows.</summary>
    const int MostGrams = 12;

    public static async Task<List<long>?> FindAsync(AppDbContext db, string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        // As BoardFilter tests them: the number in capitals, the description as typed.
        var text = q.Trim();
        // The queue before the index: the indexer takes a work order off the queue and adds its
        // postings in one commit, so one that has left the queue by now is in the index read next.
        var found = new HashSet<long>(
            await db
                .WorkOrderSearchPending.Join(db.WorkOrders, p => p.WorkOrderId, w => w.Id, (p, w) => w)
                .Where(w => w.Status != WorkOrderStatus.Closed)
                .Select(w => w.Id)
                .Take(Most + 1)
                .ToListAsync(ct)
        );
        foreach (var term in new[] { text, text.ToUpperInvariant() }.Distinct(StringComparer.Ordinal))
        {
            if (await InTextAsync(db, term, ct) is not { } ids)
                return null;
            found.UnionWith(ids);
        }
        // Some thousands of customers: one pass over their names, then a seek per customer in the
        // open work orders' customer index.
        var named = await db.Customers.Where(c => c.Name.Contains(text)).Select(c => c.Id).ToListAsync(ct);
        if (named.Count > 0)
        {
            found.UnionWith(
                await db
                    .WorkOrders.Where(w => w.Status != WorkOrderStatus.Closed && EF.Parameter(named).Contains(w.CustomerId))
                    .Select(w => w.Id)
                    .Take(Most + 1)
                    .ToListAsync(ct)
            );
        }
        return found.Count > Most ? null : [.. found];
    }

    /// <summary>
    /// The work orders having the term's two rarest grams (each gram counted up to <see cref="Most"/>,
    /// so a common one costs no more than that); null when even the rarest is too common.
    /// </summary>
    static async Task<List<long>?> InTextAsync(AppDbContext db, string term, CancellationToken ct)
    {
        var grams = SearchGrams.OfTerm(term);
        if (grams.Count == 0)
            return null;
        if (grams.Count > MostGrams)
            grams = [.. Enumerable.Range(0, MostGrams).Select(i => grams[i * (grams.Count - 1) / (MostGrams - 1)]).Distinct()];
        var counted = new List<(string Gram, int Count)>();
        foreach (var gram in grams)
        {
            var count = await Postings(db, gram).Take(Most + 1).CountAsync(ct);
            if (count == 0)
                return [];
            counted.Add((gram, count));
        }
        counted.Sort((a, b) => a.Count.CompareTo(b.Count));
        if (counted[0].Count > Most)
            return null;
        var postings = Postings(db, counted[0].Gram);
        if (counted.Count > 1)
        {
            // Only a term of three characters or more has a second gram, and its grams are trigrams.
            var next = counted[1].Gram;
            postings = postings.Where(g => db.WorkOrderSearchGrams.Any(h => h.Gram == next && h.WorkOrderId == g.WorkOrderId));
        }
        return await postings.Select(g => g.WorkOrderId).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// A trigram's postings, or for a two-character term every posting whose gram begins with it:
    /// one range of the key, since grams sort by code point (SQLite's binary collation; the C
    /// collation of the column on PostgreSQL).
    /// </summary>
    static IQueryable<WorkOrderSearchGram> Postings(AppDbContext db, string gram)
    {
        if (!SearchGrams.IsPrefix(gram))
            return db.WorkOrderSearchGrams.Where(g => g.Gram == gram);
        var last = gram + SearchGrams.Highest;
        // Translated to SQL's >= and <=: the column's collation compares, not .NET's culture.
#pragma warning disable CA1309
        return db.WorkOrderSearchGrams.Where(g => string.Compare(g.Gram, gram) >= 0 && string.Compare(g.Gram, last) <= 0);
#pragma warning restore CA1309
    }
}
