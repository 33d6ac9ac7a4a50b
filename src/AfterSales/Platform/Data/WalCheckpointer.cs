using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database every <c>Data:CheckpointMilliseconds</c>
/// on a connection of its own (a passive checkpoint: it never blocks a writer or a reader), so that
/// the group-commit writer does not do it inside a commit. The log is still synced on every commit;
/// this moves work, it does not change durability. Off (0) by default: SQLite then checkpoints on
/// commit, every <c>Data:WalAutocheckpointPages</c>.
/// </summary>
internal sealed class WalCheckpointer(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<WalCheckpointer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ms = config.GetValue("Data:CheckpointMilliseconds", 0);
        if (ms <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(ms), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "WAL checkpoint failed; retried on the next tick");
            }
        }
    }
}
