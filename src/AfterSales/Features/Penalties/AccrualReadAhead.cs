using AfterSales.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace AfterSales.Features.Penalties;

/// <summary>What a batch is computed from, read in one snapshot: its clocks, their facts and their contracts' terms.</summary>
internal sealed record BatchReads(List<ClockToAccrue> Clocks, AccrualFacts Facts, Dictionary<long, ContractTerms> Terms)
{
    public static async Task<BatchReads> LoadAsync(AppDbContext db, List<ClockToAccrue> clocks, CancellationToken ct)
    {
        var facts = await AccrualFacts.LoadAsync(db, clocks, ct);
        var terms = await DueClocks.TermsAsync(db, clocks.Where(c => c.ContractId is not null).Select(c => c.ContractId!.Value), ct);
        return new BatchReads(clocks, facts, terms);
    }
}

/// <summary>
/// SQLite: reads an accrual pass's next batch on a second connection (and the second core) while the
/// current batch is written, so that a pass over a large backlog spends its writer's time writing.
/// <para>
/// The read-ahead is used only when it is exactly what the next batch's transaction would read
/// itself. It starts inside the current batch's transaction, which holds SQLite's write lock, so its
/// snapshot is taken after that transaction began: the database as that transaction found it, plus
/// perhaps that transaction's own commit and commits by others after it. It reads the batch after the
/// current one's last (check, clock), which the current batch's commit does not touch. What could
/// make it stale is a commit by anyone else between the two batches' transactions (an event recorded
/// on one of its work orders, a waiver): the writer's connection counts those (<c>PRAGMA
/// data_version</c> changes with every commit of another connection, never with its own), and when
/// the count moved, or the batch before was not committed, the read-ahead is dropped and the batch is
/// read again inside its transaction. Chain heads and the entries a correction cancels are always
/// read inside the transaction that appends to them.
/// </para>
/// <para>
/// Once another writer's commit has made a read-ahead useless, the pass reads the rest of its batches
/// in their transactions: beside a busy server every read-ahead would be dropped, and the second core
/// is better left to the requests.
/// </para>
/// <para>
/// In write-ahead-log mode only: there a reader never waits for the writer. PostgreSQL locks each
/// batch's clocks as it reads them (FOR UPDATE SKIP LOCKED) and reads inside its transaction.
/// </para>
/// </summary>
internal sealed class AccrualReadAhead : IAsyncDisposable
{
    readonly AppDbContext _writer;
    readonly AsyncServiceScope _scope;
    readonly AppDbContext _reader;
    Task<BatchReads>? _pending;
    (sqlite3 Connection, long Version) _startedAt;
    bool _committed;
    bool _othersWriting;

    AccrualReadAhead(AppDbContext writer, AsyncServiceScope scope) =>
        (_writer, _scope, _reader) = (writer, scope, scope.ServiceProvider.GetRequiredService<AppDbContext>());

    /// <summary>A read-ahead for a pass on <paramref name="writer"/>'s connection (held open for the pass); null where there is none.</summary>
    public static async Task<AccrualReadAhead?> OpenAsync(AppDbContext writer, IServiceScopeFactory? scopes, CancellationToken ct)
    {
        if (scopes is null || !writer.Database.IsSqlite())
            return null;
        await writer.Database.OpenConnectionAsync(ct);
        await using (var command = writer.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode";
            if (!string.Equals(await command.ExecuteScalarAsync(ct) as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                await writer.Database.CloseConnectionAsync();
                return null;
            }
        }
        return new AccrualReadAhead(writer, scopes.CreateAsyncScope());
    }

    /// <summary>
    /// Inside a batch's transaction: the batch read ahead, if it is still what this transaction would
    /// read; otherwise null (and the batch is read here).
    /// </summary>
    public async Task<BatchReads?> TakeAsync(CancellationToken ct)
    {
        // Settled before anything else can throw: the reader's context is never left in use by a task no one awaits.
        var reads = await SettleAsync();
        if (reads is null || !_committed)
            return null;
        if (_startedAt != await WriterStateAsync(ct))
        {
            _othersWriting = true;
            return null;
        }
        return reads;
    }

    /// <summary>Inside a batch's transaction, once its clocks are known: reads the batch after <paramref name="after"/>.</summary>
    public async Task StartAsync(DateTime now, int batchSize, ClockKey after, CancellationToken ct)
    {
        await SettleAsync();
        if (_othersWriting)
            return;
        _startedAt = await WriterStateAsync(ct);
        _committed = false;
        _pending = Task.Run(() => ReadAsync(now, batchSize, after, ct), ct);
    }

    /// <summary>The batch that started the read-ahead committed: the next transaction may use it.</summary>
    public void Committed() => _committed = true;

    /// <summary>The writer's native connection and its count of other connections' commits.</summary>
    async Task<(sqlite3, long)> WriterStateAsync(CancellationToken ct)
    {
        var handle = ((SqliteConnection)_writer.Database.GetDbConnection()).Handle!;
        return (handle, await SqliteCache.PragmaAsync(_writer, "PRAGMA data_version", ct));
    }

    async Task<BatchReads> ReadAsync(DateTime now, int batchSize, ClockKey after, CancellationToken ct)
    {
        if (_reader.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            await _reader.Database.OpenConnectionAsync(ct);
        // One snapshot for the clocks, their facts and terms; a deferred transaction only reads, and never waits for the writer.
        await using var tx = ((SqliteConnection)_reader.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await _reader.Database.UseTransactionAsync(tx, ct);
        try
        {
            return await BatchReads.LoadAsync(_reader, DueClocks.ReadAfter(_reader, now, batchSize, after), ct);
        }
        finally
        {
            // Ends the snapshot: a reader left open would keep checkpoints from copying the log past it.
            await _reader.Database.UseTransactionAsync(null, CancellationToken.None);
            tx.Rollback();
        }
    }

    /// <summary>
    /// Waits for the read-ahead running, if any, and takes it; null if there is none or it failed. A
    /// failure is not the pass's: the batch is then read in its transaction, where a real fault shows
    /// as it would without a read-ahead.
    /// </summary>
    async Task<BatchReads?> SettleAsync()
    {
        if (_pending is not { } pending)
            return null;
        try
        {
            return await pending;
        }
#pragma warning disable CA1031 // Whatever failed is read again (or, if the pass was cancelled, its own next step throws).
        catch (Exception)
        {
            return null;
        }
#pragma warning restore CA1031
        finally
        {
            _pending = null;
        }
    }

    /// <summary>Tests: waits until the read-ahead running has its snapshot and rows, and leaves them to the next batch.</summary>
    internal async Task WaitForReadAsync()
    {
        if (_pending is { } pending)
            await Task.WhenAny(pending);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SettleAsync();
        }
        finally
        {
            await _reader.Database.CloseConnectionAsync();
            await _scope.DisposeAsync();
            await _writer.Database.CloseConnectionAsync();
        }
    }
}
