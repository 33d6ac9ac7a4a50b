using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// One pass of penalty accrual (DESIGN §5). Reads only the clocks whose
/// <see cref="WorkOrderClock.PenaltyCheckUtc"/> has passed, through its index, in batches
/// (<see cref="DueClocks"/>); each batch is one transaction that charges what the clocks owe now
/// (<see cref="AccrualRules"/>), corrects what a backdated meeting shows was never owed, and moves
/// each clock's check to the start of its next period. A batch's entries are written with
/// <see cref="BulkRows"/> and its clocks' states as set statements on their narrow table: a pass
/// over a backlog of many thousand late work orders takes seconds. The clocks of a batch are locked
/// while it runs (PostgreSQL: FOR UPDATE SKIP LOCKED, so a second instance takes other clocks;
/// SQLite: the write transaction itself; the next batch is read beside it, <see cref="AccrualReadAhead"/>), and the unique
/// (work order, kind, period) makes a second charge of a period impossible anyway. Running it twice,
/// or on two instances at once, gives the same ledger.
/// </summary>
public sealed class PenaltyAccrual(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Clocks per transaction: large, since each batch reads and writes back pages of the clock, work
    /// order and entry tables and indexes spread over the whole backlog, whatever its size (a pass
    /// over 100,000 late work orders took 12.3 s in batches of 10,000 and 7.7 s in batches of 25,000).
    /// Larger is faster again but holds more in memory: 50,000 brought a pass to about 300 MB
    /// (bench/README.md).
    /// </summary>
    public const int DefaultBatchSize = 25_000;

    /// <summary>Clocks per transaction (tests set a small one to show batching leaves the ledger as it is).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// The SQLite page cache for a pass, in MiB (<c>Penalties:AccrualCacheMiB</c>). It is most of the
    /// process's memory while a pass over a large backlog runs, so it is kept well under the
    /// application's 300 MB budget; see <see cref="SqliteCache"/>. 48 MiB: a pass over 100,000 late work
    /// orders took as long as with 64 MiB and peaked some 15 MB lower, with the next batch read ahead
    /// held beside the current one (bench/README.md).
    /// </summary>
    public int CacheMiB { get; init; } = DefaultCacheMiB;

    public const int DefaultCacheMiB = 48;

    /// <summary>
    /// Where the pass gets a second context to read the next batch ahead on SQLite
    /// (<see cref="AccrualReadAhead"/>); none: every batch is read inside its own transaction.
    /// </summary>
    public IServiceScopeFactory? ReadAheadScopes { get; init; }

    /// <summary>Runs between two batches, after one commits and before the next begins (tests: another writer's commit).</summary>
    internal Func<CancellationToken, Task>? BetweenBatches { get; init; }

    /// <summary>Runs at the end of each batch's transaction, before it commits (tests: a failure that rolls the batch back).</summary>
    internal Func<CancellationToken, Task>? BeforeCommit { get; init; }

    /// <summary>
    /// How many of the last pass's batch transactions used a batch read ahead beside the one before
    /// (<see cref="AccrualReadAhead"/>), counting the pass's last, empty or partial, batch.
    /// </summary>
    internal int BatchesReadAhead { get; private set; }

    public sealed record Outcome(int Clocks, int Entries);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (clocks, entries) = (0, 0);
        BatchesReadAhead = 0;
        await using var cache = await SqliteCache.EnlargeAsync(db, CacheMiB, ct);
        await using var ahead = await AccrualReadAhead.OpenAsync(db, ReadAheadScopes, ct);
        while (true)
        {
            var batch = await LedgerRetry.RunAsync(db, c => BatchAsync(now, ahead, c), ct);
            ahead?.Committed();
            db.ChangeTracker.Clear();
            (clocks, entries) = (clocks + batch.Clocks, entries + batch.Entries);
            // Every clock of a batch leaves with a check after now (or none), so a full batch means more may be waiting.
            if (batch.Clocks < BatchSize)
                return new Outcome(clocks, entries);
            if (BetweenBatches is not null)
            {
                // After the next batch's read-ahead has its snapshot: whatever the test commits falls after it.
                if (ahead is not null)
                    await ahead.WaitForReadAsync();
                await BetweenBatches(ct);
            }
        }
    }

    async Task<Outcome> BatchAsync(DateTime now, AccrualReadAhead? ahead, CancellationToken ct)
    {
        var reads = ahead is null ? null : await ahead.TakeAsync(ct);
        if (reads is not null)
            BatchesReadAhead++;
        reads ??= await BatchReads.LoadAsync(db, await DueClocks.ReadAsync(db, now, BatchSize, ct), ct);
        var (clocks, facts, terms) = (reads.Clocks, reads.Facts, reads.Terms);
        if (clocks.Count == 0)
            return new Outcome(0, 0);
        // A full batch means more may be waiting: read them while this one is written.
        if (ahead is not null && clocks.Count == BatchSize)
            await ahead.StartAsync(now, BatchSize, DueClocks.End(clocks), ct);
        var writer = new LedgerWriter(db, bulk: true);
        await writer.LoadAsync(terms.Keys, ct);
        var written = 0;
        var states = new List<ClockAccrual>(clocks.Count);
        foreach (var c in clocks)
        {
            if (c.ContractId is not { } contractId || !terms.TryGetValue(contractId, out var contract))
            {
                // Without a contract there is no total to charge against: nothing is owed, now or later.
                states.Add(c.Accrued(c.PenaltyPeriods, null));
                continue;
            }
            var plan = AccrualRules.Plan(c.Kind, c.DueUtc, c.MetAtUtc, c.PenaltyPeriods, now);
            foreach (var period in plan.Charge)
            {
                writer.Append(Charge(c, contract, period, facts), Actor.System, now);
                written++;
            }
            if (plan.Excess.Count > 0)
                written += await CorrectAsync(writer, c, plan, facts, now, ct);
            states.Add(c.Accrued(plan.Charged, plan.NextCheckUtc));
        }
        await writer.SaveManyAsync(ct);
        await DueClocks.WriteAsync(db, states, ct);
        if (BeforeCommit is not null)
            await BeforeCommit(ct);
        return new Outcome(clocks.Count, written);
    }

    static EntryDraft Charge(ClockToAccrue c, ContractTerms contract, int period, AccrualFacts facts)
    {
        var due = c.DueUtc!.Value;
        var kind = c.Kind == ClockKind.Response ? PenaltyKind.MissedResponse : PenaltyKind.LateRestoration;
        var rate = kind == PenaltyKind.MissedResponse ? contract.ResponseBp : contract.LateRestoreBp;
        return new EntryDraft(
            contract.Id,
            contract.CustomerId,
            kind,
            PenaltyAmount.Of(contract.TotalFen, rate),
            contract.TotalFen,
            AccrualRules.PeriodStart(c.Kind, due, period),
            WorkOrderId: c.WorkOrderId,
            Period: period,
            RateBp: rate,
            Clock: facts.Evidence(c)
        );
    }

    /// <summary>
    /// The clock was met at an instant (recorded later) before periods charged meanwhile began:
    /// each such period not yet cancelled gets a correction that cancels it, resting on the same
    /// clock evidence, whose meeting event shows why.
    /// </summary>
    async Task<int> CorrectAsync(
        LedgerWriter writer,
        ClockToAccrue c,
        AccrualPlan plan,
        AccrualFacts facts,
        DateTime now,
        CancellationToken ct
    )
    {
        var kind = c.Kind == ClockKind.Response ? PenaltyKind.MissedResponse : PenaltyKind.LateRestoration;
        var excess = plan.Excess.Select(p => (int?)p).ToList();
        var originals = await db
            .PenaltyEntries.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(e => e.WorkOrderId == c.WorkOrderId && e.Kind == kind && excess.Contains(e.Period))
            .Where(e => !db.PenaltyEntries.IgnoreQueryFilters().Any(x => x.OriginalEntryId == e.Id))
            .OrderBy(e => e.Period)
            .ToListAsync(ct);
        foreach (var o in originals)
        {
            var correction = new EntryDraft(
                o.ContractId,
                o.CustomerId,
                PenaltyKind.Correction,
                -o.AmountFen,
                o.BaseFen,
                now,
                WorkOrderId: o.WorkOrderId,
                OriginalEntryId: o.Id,
                Clock: facts.Evidence(c)
            );
            writer.Append(correction, Actor.System, now);
        }
        return originals.Count;
    }
}
