using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

internal static partial class BoardQuery
{
    /// <summary>
    /// A search page from the index's candidates (at most <see cref="Search.SearchCandidates.Most"/>):
    /// the board's own filters and substring tests keep those that match, then they are put in board
    /// order here — due ones by (NextDueUtc, Id), then those without a due time by Id — and the
    /// cursor applied, exactly as the two seeks of the walk would, and only the page's rows are read
    /// whole. Sorting here rather than in SQL leaves the database no plan to choose: it reads the
    /// candidates by key, never the board index in order with a lookup per row.
    /// </summary>
    static async Task<(List<BoardRow> Rows, BoardCursor? Next)> CandidatesPageAsync(
        IQueryable<WorkOrder> matching,
        List<long> candidates,
        AppDbContext db,
        BoardCursor? after,
        int size,
        CancellationToken ct
    )
    {
        var keys = await matching
            .Where(w => w.Status != WorkOrderStatus.Closed && EF.Parameter(candidates).Contains(w.Id))
            .Select(w => new { w.Id, w.NextDueUtc })
            .ToListAsync(ct);
        var due = keys.Where(k => k.NextDueUtc is not null).OrderBy(k => k.NextDueUtc).ThenBy(k => k.Id);
        var undated = keys.Where(k => k.NextDueUtc is null).OrderBy(k => k.Id);
        var ordered = after switch
        {
            null => due.Concat(undated),
            { DueUtc: { } d } => due.Where(k => k.NextDueUtc > d || (k.NextDueUtc == d && k.Id > after.Id)).Concat(undated),
            _ => undated.Where(k => k.Id > after.Id),
        };
        var page = ordered.Take(size + 1).Select(k => k.Id).ToList();
        var read = await Project(matching.Where(w => EF.Parameter(page).Contains(w.Id)), db.Customers).ToDictionaryAsync(r => r.Id, ct);
        // One changed meanwhile so that it no longer matches (another filter) is left out, as a later read would.
        return Paged([.. page.Where(read.ContainsKey).Select(id => read[id])], size);
    }
}
