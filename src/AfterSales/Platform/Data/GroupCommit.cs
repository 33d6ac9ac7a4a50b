using System.Security.Claims;
using System.Threading.Channels;
using AfterSales.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

/// <summary>
/// Group commit (成组提交): short writes from concurrent requests share one transaction and so one
/// durable commit (on SQLite one fsync of the write-ahead log). A caller's task completes only
/// after the commit that holds its write, so nothing acknowledged can be lost, yet the rate of
/// writes is no longer bounded by the rate of fsyncs. Batches form by themselves: while one
/// commits, the next requests queue up; a lone request is written at once, with no waiting.
/// Each write runs in its own savepoint, so a refused write (a unique key that raced in, a rule
/// that says no) undoes only itself. Every write is audited as the user who asked for it.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> log) : BackgroundService
{
    const int MaxBatch = 256;

    /// <summary>The steps writes of a batch registered to run before its commit.</summary>
    sealed class Finishing : List<Func<CancellationToken, Task>>;

    readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    abstract class Job(ClaimsPrincipal? actor)
    {
        public ClaimsPrincipal? Actor { get; } = actor;

        public abstract Task WriteAsync(AppDbContext db, CancellationToken ct);

        public abstract void Succeed();

        public abstract void Fail(Exception e);
    }

    sealed class Job<T>(ClaimsPrincipal? actor, Func<AppDbContext, CancellationToken, Task<T>> write) : Job(actor)
    {
        readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        T _result = default!;

        public Task<T> Task => _done.Task;

        public override async Task WriteAsync(AppDbContext db, CancellationToken ct) => _result = await write(db, ct);

        public override void Succeed() => _done.TrySetResult(_result);

        public override void Fail(Exception e) => _done.TrySetException(e);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a context of the writer (add entities, call SaveChanges)
    /// and completes once its transaction has committed. The write must not commit or begin a
    /// transaction of its own, and must not keep the context.
    /// </summary>
    public Task<T> WriteAsync<T>(CurrentUser by, Func<AppDbContext, CancellationToken, Task<T>> write)
    {
        var job = new Job<T>(by.Principal, write);
        if (!_queue.Writer.TryWrite(job))
            throw new InvalidOperationException("The application is shutting down; the change was not saved.");
        return job.Task;
    }

    /// <summary>
    /// Runs <paramref name="finish"/> on the writer's context <paramref name="tx"/> once, after the
    /// batch's last write and before its commit: for work a batch does better once than per write,
    /// such as totals summed over the batch and written in one fixed order (so two nodes' batches
    /// cannot deadlock on them). If it fails, the whole batch fails and none of its writes is saved.
    /// A write registers it only once its own changes have succeeded.
    /// </summary>
    public static void BeforeCommit(AppDbContext tx, Func<CancellationToken, Task> finish) => tx.Leased(_ => new Finishing()).Add(finish);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Writes already queued are finished on shutdown; new ones are refused.
        stoppingToken.Register(() => _queue.Writer.TryComplete());
        var batch = new List<Job>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var job))
                batch.Add(job);
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    async Task CommitAsync(List<Job> batch)
    {
        var written = new List<Job>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var me = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            // Each job has its own savepoint below; EF's own savepoint around every SaveChanges
            // inside it would only double the statements the single writer runs.
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var job in batch)
            {
                me.ActFor(job.Actor);
                await tx.CreateSavepointAsync("job");
                try
                {
                    await job.WriteAsync(db, CancellationToken.None);
                    await tx.ReleaseSavepointAsync("job");
                    written.Add(job);
                }
                catch (Exception e)
                {
                    await tx.RollbackToSavepointAsync("job");
                    job.Fail(e);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (db.HasLeased<Finishing>(out var steps))
            {
                foreach (var step in steps)
                    await step(CancellationToken.None);
            }
            await tx.CommitAsync();
        }
        catch (Exception e)
        {
            log.LogError(e, "A group commit of {Count} writes failed; none of them was saved", batch.Count);
            foreach (var job in batch)
                job.Fail(e); // a job that failed on its own keeps its own error

            return;
        }
        foreach (var job in written)
            job.Succeed();
    }
}
