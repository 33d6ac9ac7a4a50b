using AfterSales.Features.Complaints.Rules;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Precedents;

/// <summary>
/// The node's precedent index, kept in step with the database. Closed cases never change, so the
/// index only grows: each lookup first reads the cases closed since the last one it saw (an index
/// seek on the closing time, a few rows at most), which also picks up cases closed on other nodes.
/// The first lookup loads every closed case once.
/// </summary>
public sealed class PrecedentSource : IDisposable
{
    // Nodes' clocks differ a little: read back this far past the newest closing seen; duplicates are skipped.
    static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    readonly PrecedentIndex index = new();
    readonly SemaphoreSlim loading = new(1, 1);
    DateTime? watermark;

    public void Dispose()
    {
        index.Dispose();
        loading.Dispose();
    }

    public async Task<PrecedentIndex> IndexAsync(AppDbContext db, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            var since = watermark - Overlap;
            var closed = await db
                .Complaints.IgnoreQueryFilters()
                .AsNoTracking()
                .Where(c => c.ClosedAtUtc != null && (since == null || c.ClosedAtUtc >= since))
                .Select(c => new
                {
                    c.Id,
                    c.Category,
                    c.Description,
                    c.Wish,
                    c.Summary,
                    c.Remedy,
                    c.RemedyAmountFen,
                    c.ClosedAtUtc,
                })
                .ToListAsync(ct);
            if (closed.Count > 0)
            {
                index.AddRange(
                    closed.Select(c => new PrecedentDoc(
                        c.Id,
                        c.Category,
                        string.Join(' ', c.Description, c.Wish, c.Summary),
                        c.Remedy ?? RemedyKind.None,
                        c.RemedyAmountFen
                    ))
                );
                var newest = closed.Max(c => c.ClosedAtUtc!.Value);
                watermark = watermark is { } w && w > newest ? w : newest;
            }
            return index;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>How many similar cases a handler sees, and which of them the fairness rule compares with.</summary>
    public const int Shown = 5;

    /// <summary>The precedents of a complaint: similar closed cases, same category first.</summary>
    public async Task<IReadOnlyList<PrecedentMatch>> ForAsync(AppDbContext db, Complaint c, CancellationToken ct) =>
        (await IndexAsync(db, ct)).Search(c.Category, c.PrecedentText, Shown, c.Id);

    /// <summary>
    /// The remedies a new remedy is compared with (公平原则): those of the shown precedents in the
    /// same category. Cases of another category are shown for reference, not held against the handler.
    /// </summary>
    public static IReadOnlyList<RemedyTerms> Comparables(IReadOnlyList<PrecedentMatch> precedents) =>
        [.. precedents.Where(p => p.SameCategory).Select(p => new RemedyTerms(p.Remedy, p.AmountFen))];
}
