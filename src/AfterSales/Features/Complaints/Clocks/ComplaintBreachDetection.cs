using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Clocks;

/// <summary>
/// Breach detection for complaint clocks, the same way as for work orders
/// (WorkOrders/Breaches/BreachDetection): only the open clocks whose due or due-soon instant has
/// passed are read, through indexes; each is claimed by a conditional update, and only the
/// instance whose update changed the row writes the timeline event and the alerts (the complaint
/// desk's and the escalated-to manager's, in the shared inbox), in the same
/// transaction. Running it twice, or on two nodes at once, records each alert once.
/// </summary>
public sealed class ComplaintBreachDetection(AppDbContext db, TimeProvider clock)
{
    const int BatchSize = 200;

    public sealed record Outcome(int Breached, int DueSoon);

    sealed record Due(long Id, long ComplaintId, ClockKind Kind, DateTime At);

    public async Task<Outcome> ScanOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dueSoon = await RunAsync(breached: false, now, ct);
        var breached = await RunAsync(breached: true, now, ct);
        return new Outcome(breached, dueSoon);
    }

    async Task<int> RunAsync(bool breached, DateTime now, CancellationToken ct)
    {
        var claimed = 0;
        while (true)
        {
            var due = breached ? await BreachedAsync(now, ct) : await DueSoonAsync(now, ct);
            var won = 0;
            foreach (var c in due)
                won += await ClaimAsync(c, breached, now, ct) ? 1 : 0;
            claimed += won;
            // A full batch of lost claims (another instance is on it) is left to the next pass.
            if (due.Count < BatchSize || won == 0)
                return claimed;
        }
    }

    // At the due instant itself the clock is still in time; breached once it has passed.
    Task<List<Due>> BreachedAsync(DateTime now, CancellationToken ct) =>
        db
            .ComplaintClocks.AsNoTracking()
            .Where(c => c.MetAtUtc == null && c.BreachedAtUtc == null && c.DueUtc < now)
            .OrderBy(c => c.DueUtc)
            .Take(BatchSize)
            .Select(c => new Due(c.Id, c.ComplaintId, c.Kind, c.DueUtc!.Value))
            .ToListAsync(ct);

    Task<List<Due>> DueSoonAsync(DateTime now, CancellationToken ct) =>
        db
            .ComplaintClocks.AsNoTracking()
            .Where(c => c.MetAtUtc == null && c.DueSoonAlertedAtUtc == null && c.DueSoonUtc <= now && c.DueUtc >= now)
            .OrderBy(c => c.DueSoonUtc)
            .Take(BatchSize)
            .Select(c => new Due(c.Id, c.ComplaintId, c.Kind, c.DueSoonUtc!.Value))
            .ToListAsync(ct);

    async Task<bool> ClaimAsync(Due c, bool breached, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim re-checks everything: another instance or a late "met" may have come first.
        var claimed = breached
            ? await db
                .ComplaintClocks.Where(x => x.Id == c.Id && x.BreachedAtUtc == null && x.MetAtUtc == null && x.DueUtc == c.At)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BreachedAtUtc, x => x.DueUtc), ct)
            : await db
                .ComplaintClocks.Where(x => x.Id == c.Id && x.DueSoonAlertedAtUtc == null && x.MetAtUtc == null && x.BreachedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueSoonAlertedAtUtc, now), ct);
        if (claimed == 1)
        {
            var complaint = await db.Complaints.IgnoreQueryFilters().SingleAsync(x => x.Id == c.ComplaintId, ct);
            complaint.RecordClockAlert(c.Kind, breached, c.At, now);
            // The complaint desk's alert, and the escalated-to manager's own (DESIGN §6).
            var type = breached ? AlertType.Breached : AlertType.DueSoon;
            db.Alerts.Add(Alert.ForComplaint(c.ComplaintId, c.Kind, type, null, now));
            if (complaint.EscalatedToUserId is { } manager)
                db.Alerts.Add(Alert.ForComplaint(c.ComplaintId, c.Kind, type, manager, now));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return claimed == 1;
    }
}

/// <summary>
/// Runs complaint breach detection every <c>WorkOrders:ScanSeconds</c> beside the work orders'
/// scanner, with the same switch (<c>WorkOrders:BreachScan</c>; off in the Testing environment).
/// </summary>
internal sealed class ComplaintBreachScanner(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<ComplaintBreachScanner> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, config.GetValue("WorkOrders:ScanSeconds", 30))), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ComplaintBreachDetection>().ScanOnceAsync(stoppingToken);
                if (outcome.Breached + outcome.DueSoon > 0)
                    log.LogInformation("Complaint clocks: {Breached} breached, {DueSoon} due soon", outcome.Breached, outcome.DueSoon);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass is retried on the next tick; claims make retries safe.
                log.LogError(e, "Complaint breach detection pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
