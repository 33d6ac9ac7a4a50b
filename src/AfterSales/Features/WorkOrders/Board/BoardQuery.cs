using AfterSales.Features.Customers;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>One board row as the page shows it; <see cref="Light"/> is filled in for the page's rows only.</summary>
public sealed record BoardRow(
    long Id,
    string Number,
    long CustomerId,
    string CustomerName,
    string Excerpt,
    bool ExcerptCut,
    WorkOrderStatus Status,
    string? TechnicianName,
    DateTime? NextDueUtc,
    bool IsMajor,
    long Version
)
{
    public Clocks.ClockState? Light { get; set; }
}

/// <summary>
/// The dispatch board's page: open work orders, nearest due first, those without a due time last,
/// read with keyset paging on (NextDueUtc, Id). Two seeks instead of one ORDER BY because the
/// providers sort NULLs differently (SQLite first, PostgreSQL last), and because each part then
/// walks one of the open-work-order indexes in order (see <see cref="WorkOrderNextDueConfiguration"/>).
/// </summary>
internal static partial class BoardQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    const int ExcerptLength = 60;

    public static async Task<(List<BoardRow> Rows, BoardCursor? Next)> PageAsync(
        IQueryable<WorkOrder> visible,
        AppDbContext db,
        BoardFilter filter,
        BoardCursor? after,
        int size,
        CancellationToken ct
    )
    {
        var matching = filter.Apply(visible, db.Customers);
        // A search the index narrows to a few candidates reads those instead of walking the board.
        if (await Search.SearchCandidates.FindAsync(db, filter.Q, ct) is { } candidates)
            return await CandidatesPageAsync(matching, candidates, db, after, size, ct);
        var rows = new List<BoardRow>();
        if (after is null || after.DueUtc is not null)
        {
            var due = matching.Where(w => w.Status != WorkOrderStatus.Closed && w.NextDueUtc != null);
            if (after?.DueUtc is { } d)
                due = due.Where(w => w.NextDueUtc >= d && (w.NextDueUtc > d || w.Id > after.Id));
            rows.AddRange(await Project(due.OrderBy(w => w.NextDueUtc).ThenBy(w => w.Id).Take(size + 1), db.Customers).ToListAsync(ct));
        }
        if (rows.Count <= size)
        {
            // "Not closed" rather than a list of the open statuses: that is the open-work-order index's own filter.
            var undated = matching.Where(w => w.Status != WorkOrderStatus.Closed && w.NextDueUtc == null);
            if (after is { DueUtc: null })
                undated = undated.Where(w => w.Id > after.Id);
            var take = size + 1 - rows.Count;
            rows.AddRange(await Project(undated.OrderBy(w => w.Id).Take(take), db.Customers).ToListAsync(ct));
        }
        return Paged(rows, size);
    }

    /// <summary>A page of size + 1 rows read: the page and the cursor after it; fewer: the last page.</summary>
    static (List<BoardRow> Rows, BoardCursor? Next) Paged(List<BoardRow> rows, int size)
    {
        if (rows.Count <= size)
            return (rows, null);
        rows.RemoveRange(size, rows.Count - size);
        var last = rows[^1];
        return (rows, new BoardCursor(last.NextDueUtc, last.Id));
    }

    static IQueryable<BoardRow> Project(IQueryable<WorkOrder> page, IQueryable<Customer> customers) =>
        page.Select(w => new BoardRow(
            w.Id,
            w.Number,
            w.CustomerId,
            customers.Where(c => c.Id == w.CustomerId).Select(c => c.Name).First(),
            w.Description.Length > ExcerptLength ? w.Description.Substring(0, ExcerptLength) : w.Description,
            w.Description.Length > ExcerptLength,
            w.Status,
            w.TechnicianName,
            w.NextDueUtc,
            w.IsMajor,
            w.Version
        ));

    /// <summary>Colours the page's rows from their open clocks' stored instants (a few rows, one query).</summary>
    public static async Task LightAsync(AppDbContext db, List<BoardRow> rows, DateTime nowUtc, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        // Every clock of the page's work orders (a few each), the met ones dropped here: with
        // "MetAtUtc IS NULL" in the query SQLite prefers the breach scanner's index on that column
        // and walks every open clock in the database instead of seeking by work order.
        var clocks = await db
            .WorkOrderClocks.AsNoTracking()
            .Where(c => ids.Contains(c.WorkOrderId))
            .Select(c => new
            {
                c.WorkOrderId,
                c.DueUtc,
                c.DueSoonUtc,
                c.BreachedAtUtc,
                c.MetAtUtc,
            })
            .ToListAsync(ct);
        var worst = clocks
            .Where(c => c.MetAtUtc == null)
            .GroupBy(c => c.WorkOrderId)
            .ToDictionary(g => g.Key, g => ClockLight.Worst(g.Select(c => ClockLight.Of(c.DueUtc, c.DueSoonUtc, c.BreachedAtUtc, nowUtc))));
        foreach (var row in rows)
            row.Light = worst.TryGetValue(row.Id, out var light) ? light : null;
    }
}
