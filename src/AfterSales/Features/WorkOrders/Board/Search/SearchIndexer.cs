using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// Writes the postings of the work orders the intake queued (<see cref="WorkOrderSearchPending"/>),
/// a batch at a time, sorted by key, so a page of the index takes a batch's postings in one write
/// rather than one per work order. The batch is read and its postings made on this context, off
/// the group-commit writer (<see cref="GroupCommit"/>); the writer then only takes the batch off
/// the queue and inserts, as one write among the intakes of its group commit (a separate writer
/// would contend with it for the write lock, which SQLite waits for by sleeping: the intakes stalled
/// behind it). A batch is a few milliseconds of the writer's time, which the intakes sharing its
/// commit wait for. A work order that left the queue meanwhile — closed, or indexed by another
/// instance — is left out.
/// </summary>
internal sealed class SearchIndexer(AppDbContext db, GroupCommit writer, CurrentUser me)
{
    public const int DefaultBatchSize = 250;

    /// <summary>Work orders per write: each is one pause of the intakes of some milliseconds.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Indexes every queued work order; returns how many it took off the queue.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var (indexed, after) = (0, 0L);
        while (true)
        {
            var ids = await db
                .WorkOrderSearchPending.Where(p => p.WorkOrderId > after)
                .OrderBy(p => p.WorkOrderId)
                .Select(p => p.WorkOrderId)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (ids.Count == 0)
                return indexed;
            var open = await db
                .WorkOrders.IgnoreQueryFilters()
                .AsNoTracking()
                .Where(w => ids.Contains(w.Id) && w.Status != WorkOrderStatus.Closed)
                .Select(w => new
                {
                    w.Id,
                    w.Number,
                    w.Description,
                })
                .ToListAsync(ct);
            var postings = SearchIndex.PostingsOf(open.Select(w => (w.Id, w.Number, w.Description)));
            indexed += await writer.WriteAsync(
                me,
                async (tx, c) =>
                {
                    var index = SearchIndex.For(tx);
                    var taken = await index.DequeueAsync(ids, c);
                    await index.AddManyAsync(
                        taken.Count == ids.Count ? postings : [.. postings.Where(p => taken.Contains(p.WorkOrderId))],
                        c
                    );
                    return taken.Count;
                }
            );
            after = ids[^1];
            if (ids.Count < BatchSize)
                return indexed;
        }
    }
}

/// <summary>
/// Runs <see cref="SearchIndexer"/> every <c>WorkOrders:SearchIndexMilliseconds</c> (1,000 by
/// default). Off in the Testing environment unless <c>WorkOrders:SearchIndexing</c> is true: tests
/// run the indexer themselves, and the search finds queued work orders meanwhile anyway.
/// </summary>
internal sealed class SearchIndexService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<SearchIndexService> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var milliseconds = config.GetValue("WorkOrders:SearchIndexMilliseconds", 1_000);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, milliseconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The queue stays as it was (one transaction per batch); the next tick takes it again.
                log.LogError(e, "Board search indexing failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class SearchIndexSetup
{
    public static void AddBoardSearchIndex(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchIndexer>();
        var enabled = builder.Configuration.GetValue<bool?>("WorkOrders:SearchIndexing") ?? !builder.Environment.IsEnvironment("Testing");
        if (enabled)
            builder.Services.AddHostedService<SearchIndexService>();
    }
}
