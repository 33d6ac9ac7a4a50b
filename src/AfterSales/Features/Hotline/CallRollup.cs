using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>
/// Keeps <see cref="CallDayTotal"/> exact. Every write of calls goes through <see cref="SaveAsync"/>
/// (or <see cref="SaveInBatchAsync"/> on the group-commit writer):
/// it takes each tracked call's counted state before (as loaded) and after (as changed), saves the
/// calls and adds the differences to the rollup in the same transaction. The additions are upserts
/// with increments (INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n, on SQLite and
/// PostgreSQL alike), so two nodes changing calls of one day at once both land; a call's own
/// version check makes sure one change of a call is counted once.
/// </summary>
public static class CallRollup
{
    public readonly record struct Key(DateOnly Day, string Agent);

    /// <summary>Saves the context's changes and adds the calls' share of the rollup, in one transaction.</summary>
    public static async Task<int> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        var changes = DeltasOf(db);
        if (changes.Count == 0)
            return await db.SaveChangesAsync(ct);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await db.SaveChangesAsync(ct);
            await UpsertAllAsync(db, changes, ct);
            if (own is not null)
                await own.CommitAsync(ct);
            return saved;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>
    /// On the group-commit writer: saves the context's changes and adds the calls' share to the
    /// batch's totals, written once at the end of the batch (<see cref="GroupCommit.BeforeCommit"/>):
    /// one upsert per (day, agent) of the batch rather than one per call, in key order, so two nodes'
    /// batches take the rollup's rows in the same order and never deadlock on them. A write that
    /// fails adds nothing: its share is added only after its own changes are saved.
    /// </summary>
    public static async Task<int> SaveInBatchAsync(AppDbContext tx, CancellationToken ct)
    {
        var changes = DeltasOf(tx);
        var saved = await tx.SaveChangesAsync(ct);
        if (changes.Count == 0)
            return saved;
        var batch = tx.Leased(t =>
        {
            var totals = new BatchTotals();
            GroupCommit.BeforeCommit(t, c => UpsertAllAsync(t, totals, c));
            return totals;
        });
        foreach (var (key, (counted, met)) in changes)
        {
            var (c0, m0) = batch.GetValueOrDefault(key);
            batch[key] = (c0 + counted, m0 + met);
        }
        return saved;
    }

    /// <summary>Each tracked call's counted state before (as loaded) and after (as changed), as differences per key.</summary>
    static Dictionary<Key, (long Counted, long Met)> DeltasOf(AppDbContext db)
    {
        var deltas = new Dictionary<Key, (long Counted, long Met)>();
        foreach (var entry in db.ChangeTracker.Entries<CallRecord>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var o = entry.OriginalValues;
                Add(
                    deltas,
                    o.GetValue<DateOnly?>(nameof(CallRecord.Day)),
                    o.GetValue<string?>(nameof(CallRecord.Agent)),
                    o.GetValue<bool?>(nameof(CallRecord.MetPromise)),
                    -1
                );
            }
            if (entry.State is EntityState.Modified or EntityState.Added)
                Add(deltas, entry.Entity.Day, entry.Entity.Agent, entry.Entity.MetPromise, +1);
        }
        foreach (var key in deltas.Where(d => d.Value == (0, 0)).Select(d => d.Key).ToList())
            deltas.Remove(key);
        return deltas;
    }

    /// <summary>Adds calls written as rows (not tracked) to the rollup, on the context's open transaction.</summary>
    public static async Task AddAsync(AppDbContext db, IEnumerable<CallRecord> written, CancellationToken ct)
    {
        var deltas = new Dictionary<Key, (long Counted, long Met)>();
        foreach (var call in written)
            Add(deltas, call.Day, call.Agent, call.MetPromise, +1);
        await UpsertAllAsync(db, deltas, ct);
    }

    /// <summary>Every writer takes the rollup's rows in one order (day, then agent), so writers never wait on each other in a cycle.</summary>
    static async Task UpsertAllAsync(AppDbContext db, Dictionary<Key, (long Counted, long Met)> deltas, CancellationToken ct)
    {
        foreach (var (key, (counted, met)) in deltas.OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Agent, StringComparer.Ordinal))
        {
            if ((counted, met) != (0, 0))
                await UpsertAsync(db, key, counted, met, ct);
        }
    }

    /// <summary>A call counts once it is decided (answered or ended) and has a day (it rang).</summary>
    static void Add(Dictionary<Key, (long Counted, long Met)> deltas, DateOnly? day, string? agent, bool? met, int sign)
    {
        if (day is not { } d || met is not { } m)
            return;
        var key = new Key(d, agent ?? CallDayTotal.NoAgent);
        var (c0, m0) = deltas.GetValueOrDefault(key);
        deltas[key] = (c0 + sign, m0 + (m ? sign : 0));
    }

    static Task<int> UpsertAsync(AppDbContext db, Key key, long counted, long met, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "CallDayTotals" ("Day", "Agent", "Counted", "Met") VALUES ({key.Day}, {key.Agent}, {counted}, {met})
            ON CONFLICT ("Day", "Agent") DO UPDATE SET "Counted" = "CallDayTotals"."Counted" + excluded."Counted",
                "Met" = "CallDayTotals"."Met" + excluded."Met"
            """,
            ct
        );

    /// <summary>A group commit's sums per (day, agent), kept on its writer's context until the commit.</summary>
    sealed class BatchTotals : Dictionary<Key, (long Counted, long Met)>;
}
