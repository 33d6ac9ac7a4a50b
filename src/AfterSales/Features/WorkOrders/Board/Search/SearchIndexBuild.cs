using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// Builds the board search index for a database whose open work orders are not indexed yet (one
/// that existed before the index): on start, once. Every open work order the indexer has reached
/// has postings (its number alone has several), so an empty index beside open work orders means
/// "never built" — or a new database whose first work orders are still queued, for which the build
/// only writes what the indexer would (re-adding a posting changes nothing). One transaction, so a
/// build cut short leaves the index empty and the next start builds it again.
/// </summary>
internal static class SearchIndexBuild
{
    const int Batch = 5_000;

    public static async Task EnsureBuiltAsync(AppDbContext db, CancellationToken ct)
    {
        var open = db.WorkOrders.IgnoreQueryFilters().AsNoTracking().Where(w => w.Status != WorkOrderStatus.Closed);
        if (await db.WorkOrderSearchGrams.AnyAsync(ct) || !await open.AnyAsync(ct))
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var index = SearchIndex.For(db);
        long after = 0;
        while (true)
        {
            var batch = await open.Where(w => w.Id > after)
                .OrderBy(w => w.Id)
                .Select(w => new
                {
                    w.Id,
                    w.Number,
                    w.Description,
                })
                .Take(Batch)
                .ToListAsync(ct);
            await index.AddManyAsync(SearchIndex.PostingsOf(batch.Select(w => (w.Id, w.Number, w.Description))), ct);
            // Queued ones (new, or all of them after a change of the grams) need nothing more from the indexer.
            await index.DequeueAsync([.. batch.Select(w => w.Id)], ct);
            if (batch.Count < Batch)
                break;
            after = batch[^1].Id;
        }
        await tx.CommitAsync(ct);
    }
}
