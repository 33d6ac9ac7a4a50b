using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// One pass of breach detection. Reads only the open clocks whose due (or due-soon) instant has
/// passed, through indexes, so a pass with nothing due is two index seeks. Each clock is claimed
/// with a conditional update; only the caller whose update changed the row writes the event and
/// the alert, in the same transaction. Two application instances on one database therefore record
/// each breach once: on PostgreSQL the second UPDATE waits for the first and then matches no row;
/// on SQLite writers are serialised.
/// </summary>
public sealed class BreachDetection(AppDbContext db, TimeProvider clock, IAlertSink alerts)
{
    const int BatchSize = 200;

    public sealed record Outcome(int Breached, int DueSoon);

    sealed record Due(long Id, long WorkOrderId, ClockKind Kind, DateTime At);

    public async Task<Outcome> ScanOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueSoon = await RunAsync(DueSoonAsync, now, ct);
        var breached = await RunAsync(BreachesAsync, now, ct);
        return new Outcome(breached, dueSoon);
    }

    static async Task<int> RunAsync(
        Func<DateTime, CancellationToken, Task<(int Seen, int Claimed)>> batch,
        DateTime now,
        CancellationToken ct
    )
    {
        var claimed = 0;
        while (true)
        {
            var (seen, won) = await batch(now, ct);
            claimed += won;
            // A full batch of lost claims (another instance is on it) is left to the next pass rather than read again.
            if (seen < BatchSize || won == 0)
                return claimed;
        }
    }

    // A clock is breached once its due instant has passed (at the due instant itself it is still in time).
    async Task<(int, int)> BreachesAsync(DateTime now, CancellationToken ct)
    {
        var due = await db
            .WorkOrderClocks.AsNoTracking()
            .Where(c => c.MetAtUtc == null && c.BreachedAtUtc == null && c.DueUtc < now)
            .OrderBy(c => c.DueUtc)
            .Take(BatchSize)
            .Select(c => new Due(c.Id, c.WorkOrderId, c.Kind, c.DueUtc!.Value))
            .ToListAsync(ct);
        var won = 0;
        foreach (var c in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The claim re-checks everything: another instance, a late "met" or a pause may have come first.
            var claimed = await db
                .WorkOrderClocks.Where(x => x.Id == c.Id && x.BreachedAtUtc == null && x.MetAtUtc == null && x.DueUtc == c.At)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BreachedAtUtc, x => x.DueUtc), ct);
            if (claimed == 1)
            {
                await ConsequencesAsync(c, breached: true, now, ct);
                won++;
            }
            await tx.CommitAsync(ct);
        }
        return (due.Count, won);
    }

    async Task<(int, int)> DueSoonAsync(DateTime now, CancellationToken ct)
    {
        var due = await db
            .WorkOrderClocks.AsNoTracking()
            .Where(c =>
                c.MetAtUtc == null
                && c.BreachedAtUtc == null
                && c.DueSoonAlertedAtUtc == null
                && c.DueSoonUtc <= now
                && (c.DueUtc == null || c.DueUtc >= now)
            )
            .OrderBy(c => c.DueSoonUtc)
            .Take(BatchSize)
            .Select(c => new Due(c.Id, c.WorkOrderId, c.Kind, c.DueSoonUtc!.Value))
            .ToListAsync(ct);
        var won = 0;
        foreach (var c in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db
                .WorkOrderClocks.Where(x => x.Id == c.Id && x.DueSoonAlertedAtUtc == null && x.MetAtUtc == null && x.BreachedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueSoonAlertedAtUtc, now), ct);
            if (claimed == 1)
            {
                await ConsequencesAsync(c, breached: false, now, ct);
                won++;
            }
            await tx.CommitAsync(ct);
        }
        return (due.Count, won);
    }

    /// <summary>The one place a claimed clock turns into an event on its work order and an alert.</summary>
    async Task ConsequencesAsync(Due c, bool breached, DateTime now, CancellationToken ct)
    {
        var w = await db.WorkOrders.SingleAsync(x => x.Id == c.WorkOrderId, ct);
        w.RecordClockAlert(c.Kind, breached, c.At, now);
        await db.SaveChangesAsync(ct);
        await alerts.RaiseAsync(c.WorkOrderId, c.Kind, breached, w.TechnicianId, now, ct);
        db.ChangeTracker.Clear();
    }
}
