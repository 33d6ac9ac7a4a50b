using AfterSales.Features.Demo;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// The accrual over many contracts at once, on the benchmark's data set (open work orders whose
/// restore deadline passed within the last day): exact amounts, one chain per contract intact
/// however the entries interleave, nothing written twice, and the same ledger whatever the batch size.
/// </summary>
public sealed class AccrualBatchTests
{
    const int Orders = 60;
    const int Contracts = 7;

    [Fact]
    public async Task Late_open_work_orders_owe_their_first_day_then_their_second_on_every_chain_intact()
    {
        await using var app = new AppFactory();
        await GenerateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var clocks = await app.DbAsync(db => db.WorkOrderClocks.AsNoTracking().ToListAsync());
        var restore = clocks.Where(c => c.Kind == ClockKind.Restore).ToList();
        restore.ShouldAllBe(c => c.DueUtc < now && c.DueUtc > now.AddDays(-1) && c.MetAtUtc == null && c.PenaltyCheckUtc == c.DueUtc);
        var missed = clocks.Where(c => c.Kind == ClockKind.Response && (c.MetAtUtc == null || c.MetAtUtc > c.DueUtc)).ToList();
        missed.ShouldNotBeEmpty();

        var first = await AccrueAsync(app);

        first.Entries.ShouldBe(Orders + missed.Count);
        var terms = await app.DbAsync(db => db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Id));
        var orders = await app.DbAsync(db => db.WorkOrders.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.ContractId!.Value));
        var entries = await EntriesAsync(app);
        foreach (var c in restore)
        {
            var e = entries.Single(e => e.ClockId == c.Id);
            var contract = terms[orders[c.WorkOrderId]];
            (e.Kind, e.Period, e.OccurredAtUtc, e.ContractId).ShouldBe((PenaltyKind.LateRestoration, 1, c.DueUtc!.Value, contract.Id));
            e.AmountFen.ShouldBe(PenaltyAmount.Of(contract.TotalFen, contract.Terms.LateRestorePenaltyBp));
        }
        entries
            .Where(e => e.Kind == PenaltyKind.MissedResponse)
            .Select(e => e.ClockId)
            .Order()
            .ShouldBe(missed.Select(c => (long?)c.Id).Order());
        await ChainsIntactAsync(app, Contracts);

        // Nothing is due until the second day begins: a pass writes nothing.
        var before = await app.SnapshotAsync();
        (await AccrueAsync(app)).ShouldBe(new PenaltyAccrual.Outcome(0, 0));
        (await app.SnapshotAsync()).ShouldBe(before);

        app.Clock.Advance(TimeSpan.FromDays(1));
        (await AccrueAsync(app)).ShouldBe(new PenaltyAccrual.Outcome(Orders, Orders));
        (await EntriesAsync(app))
            .Where(e => e.Period == 2)
            .Select(e => e.ClockId)
            .Order()
            .ShouldBe(restore.Select(c => (long?)c.Id).Order());
        await ChainsIntactAsync(app, Contracts);
        (await AccrueAsync(app)).Entries.ShouldBe(0);
    }

    [Fact]
    public async Task Batches_of_seven_clocks_and_one_batch_of_all_write_the_same_ledger()
    {
        await using var small = new AppFactory();
        await using var large = new AppFactory();
        await GenerateAsync(small, large);

        (await AccrueAsync(small, batchSize: 7)).Entries.ShouldBeGreaterThan(Orders);
        (await AccrueAsync(large)).Entries.ShouldBeGreaterThan(Orders);
        small.Clock.Advance(TimeSpan.FromDays(1));
        large.Clock.Advance(TimeSpan.FromDays(1));
        await AccrueAsync(small, batchSize: 7);
        await AccrueAsync(large);

        await SameLedgerAsync(small, large);
    }

    [Fact]
    public async Task On_a_database_file_each_batch_is_read_while_the_one_before_is_written_and_the_ledger_is_the_same()
    {
        await using var onDisk = new AppFactory(onDisk: true);
        await using var inMemory = new AppFactory();
        await GenerateAsync(onDisk, inMemory);

        var (first, readAhead) = await AccrueReadingAheadAsync(onDisk, batchSize: 7);
        (await AccrueAsync(inMemory)).ShouldBe(first);
        // SQLite: every batch after the first was read beside the one before (PostgreSQL reads each in its transaction).
        readAhead.ShouldBe(TestDatabase.IsPostgres ? 0 : first.Clocks / 7);
        onDisk.Clock.Advance(TimeSpan.FromDays(1));
        inMemory.Clock.Advance(TimeSpan.FromDays(1));
        var (second, _) = await AccrueReadingAheadAsync(onDisk, batchSize: 7);
        (await AccrueAsync(inMemory)).ShouldBe(second);

        await SameLedgerAsync(onDisk, inMemory);
        (await AccrueReadingAheadAsync(onDisk, batchSize: 7)).Outcome.ShouldBe(new PenaltyAccrual.Outcome(0, 0));
    }

    [Fact]
    public async Task A_clock_met_by_another_writer_between_two_batches_is_not_charged_from_what_was_read_before()
    {
        await using var app = new AppFactory(onDisk: true);
        await GenerateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var due = await app.DbAsync(db =>
            db.WorkOrderClocks.IgnoreQueryFilters()
                .AsNoTracking()
                .Where(c => c.PenaltyCheckUtc < now)
                .OrderBy(c => c.PenaltyCheckUtc)
                .ThenBy(c => c.Id)
                .ToListAsync()
        );
        // The first clock of the second batch: read ahead while the first batch is written.
        var met = due[7];
        var metAt = DateTime.SpecifyKind(met.DueUtc!.Value.AddMinutes(-5), DateTimeKind.Utc);
        var recorded = false;

        var (outcome, readAhead) = await AccrueReadingAheadAsync(
            app,
            batchSize: 7,
            between: async ct =>
            {
                if (recorded)
                    return;
                recorded = true;
                // A technician offline at the time: the clock was met five minutes before it fell due.
                await app.DbAsync(db =>
                    db.Database.ExecuteSqlAsync($"UPDATE \"WorkOrderClocks\" SET \"MetAtUtc\" = {metAt} WHERE \"Id\" = {met.Id}", ct)
                );
            }
        );

        recorded.ShouldBeTrue();
        outcome.ShouldBe(new PenaltyAccrual.Outcome(due.Count, due.Count - 1));
        var entries = await EntriesAsync(app);
        entries.ShouldNotContain(e => e.ClockId == met.Id);
        entries.Select(e => e.ClockId).Order().ShouldBe(due.Where(c => c.Id != met.Id).Select(c => (long?)c.Id).Order());
        // The batch read ahead while another writer committed was read again in its transaction, and so was
        // every batch after it: beside other writers the pass reads as it did without a read-ahead.
        readAhead.ShouldBe(0);
        await ChainsIntactAsync(app, Contracts);
    }

    [Fact]
    public async Task A_batch_rolled_back_and_retried_reads_its_own_clocks_again_not_the_batch_read_ahead_after_it()
    {
        await using var onDisk = new AppFactory(onDisk: true);
        await using var inMemory = new AppFactory();
        await GenerateAsync(onDisk, inMemory);
        var batches = 0;

        var (outcome, _) = await AccrueReadingAheadAsync(
            onDisk,
            batchSize: 7,
            beforeCommit: _ =>
                // The second batch fails once, after the third was read ahead beside it: a collision, as on a contract's chain.
                ++batches == 2
                    ? throw new DbUpdateException("The second batch collided with another writer.")
                    : Task.CompletedTask
        );

        batches.ShouldBeGreaterThan(3);
        outcome.ShouldBe(await AccrueAsync(inMemory));
        await SameLedgerAsync(onDisk, inMemory);
    }

    [Fact]
    public async Task A_head_moved_by_another_writer_since_it_was_read_fails_the_whole_write()
    {
        await using var app = new AppFactory();
        await GenerateAsync(app);
        await AccrueAsync(app);
        var head = await app.DbAsync(db => db.PenaltyChains.AsNoTracking().OrderBy(c => c.ContractId).FirstAsync());
        var before = await app.SnapshotAsync();

        await app.DbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() =>
                ChainHeads.WriteAsync(db, [(head, head.Sequence - 1)], CancellationToken.None)
            );
        });

        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.PenaltyChains.AsNoTracking().SingleAsync(c => c.ContractId == head.ContractId))).Hash.ShouldBe(
            head.Hash
        );
    }

    /// <summary>The same data set in each application (the generator is seeded).</summary>
    static async Task GenerateAsync(params AppFactory[] apps)
    {
        foreach (var app in apps)
        {
            using var scope = app.Services.CreateScope();
            var result = await BulkLateWorkOrders.GenerateAsync(scope.ServiceProvider, Orders, Contracts, 3, CancellationToken.None);
            result.ShouldStartWith($"Generated {Orders} open late work orders on {Contracts} contracts");
        }
    }

    /// <summary><paramref name="actual"/>'s ledger is entry for entry <paramref name="expected"/>'s, hashes included, its chains intact.</summary>
    static async Task SameLedgerAsync(AppFactory actual, AppFactory expected)
    {
        static string Line(PenaltyEntry e) =>
            $"{e.ContractId}:{e.Sequence}:{e.Kind}:{e.WorkOrderId}:{e.ClockId}:{e.Period}:{e.AmountFen}:{e.Capped}:{e.Hash}";
        (await EntriesAsync(actual)).Select(Line).ShouldBe((await EntriesAsync(expected)).Select(Line));
        await ChainsIntactAsync(actual, Contracts);
    }

    static async Task<PenaltyAccrual.Outcome> AccrueAsync(AppFactory app, int batchSize = PenaltyAccrual.DefaultBatchSize)
    {
        using var scope = app.Services.CreateScope();
        var accrual = new PenaltyAccrual(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Clock) { BatchSize = batchSize };
        return await accrual.RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A pass as the application runs it (with a second context to read ahead on), and how many batches it read ahead.</summary>
    static async Task<(PenaltyAccrual.Outcome Outcome, int ReadAhead)> AccrueReadingAheadAsync(
        AppFactory app,
        int batchSize,
        Func<CancellationToken, Task>? between = null,
        Func<CancellationToken, Task>? beforeCommit = null
    )
    {
        using var scope = app.Services.CreateScope();
        var accrual = new PenaltyAccrual(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Clock)
        {
            BatchSize = batchSize,
            ReadAheadScopes = app.Services.GetRequiredService<IServiceScopeFactory>(),
            BetweenBatches = between,
            BeforeCommit = beforeCommit,
        };
        var outcome = await accrual.RunOnceAsync(CancellationToken.None);
        return (outcome, accrual.BatchesReadAhead);
    }

    static Task<List<PenaltyEntry>> EntriesAsync(AppFactory app) =>
        app.DbAsync(db => db.PenaltyEntries.AsNoTracking().OrderBy(e => e.ContractId).ThenBy(e => e.Sequence).ToListAsync());

    /// <summary>Every contract's chain re-hashed from its first entry, and its stored head at its last entry.</summary>
    static async Task ChainsIntactAsync(AppFactory app, int contracts)
    {
        var entries = await EntriesAsync(app);
        var heads = await app.DbAsync(db => db.PenaltyChains.AsNoTracking().ToListAsync());
        heads.Count.ShouldBe(contracts);
        foreach (var head in heads)
        {
            var chain = entries.Where(e => e.ContractId == head.ContractId).ToList();
            (await app.DbAsync(db => new PenaltyLedger(db).CheckChainAsync(head.ContractId, CancellationToken.None)))!.ShouldBe(
                ChainCheck.Ok(chain.Count)
            );
            (head.Sequence, head.Hash, head.AccruedFen).ShouldBe((chain[^1].Sequence, chain[^1].Hash, chain[^1].AccruedFen));
        }
    }
}
