using System.Data.Common;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Features.Penalties;

/// <summary>The rates, total and customer a contract's entries are computed with, read when they are charged.</summary>
internal sealed record ContractTerms(long Id, long CustomerId, long TotalFen, int ResponseBp, int LateRestoreBp);

/// <summary>
/// A clock an accrual batch visits, read with what charging it needs from its work order: its
/// contract (none: nothing can be charged) and the receipt event that started the clock.
/// </summary>
internal sealed record ClockToAccrue(
    long Id,
    long WorkOrderId,
    ClockKind Kind,
    DateTime? DueUtc,
    DateTime? MetAtUtc,
    int PenaltyPeriods,
    DateTime? PenaltyCheckUtc,
    long? ReceivedEventId,
    long? ContractId
)
{
    /// <summary>The ledger charged up to <paramref name="periods"/> and looks again at <paramref name="nextCheckUtc"/>; periods charged never go back.</summary>
    public ClockAccrual Accrued(int periods, DateTime? nextCheckUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, PenaltyPeriods);
        return new ClockAccrual(Id, periods, nextCheckUtc);
    }
}

/// <summary>A clock's place in the order accrual visits due clocks: its check, then its id.</summary>
internal readonly record struct ClockKey(DateTime CheckUtc, long ClockId);

/// <summary>A clock's accrual state after a visit: what <see cref="WorkOrderClock.PenaltyPeriods"/> and <see cref="WorkOrderClock.PenaltyCheckUtc"/> become.</summary>
internal sealed record ClockAccrual(long ClockId, int Periods, DateTime? NextCheckUtc);

/// <summary>
/// Reads a batch of due clocks and writes back their accrual state, as set statements. The batch is
/// the clocks whose check has passed, oldest first, taken through the check's index on the narrow
/// accrual table (PostgreSQL: locked, skipping those another instance holds). Their clock, work
/// order and contract rows are then read in key order, which on a large backlog is several times
/// faster than visiting them in the order the checks fall. Only the columns the rules use are read:
/// on a backlog, reading a row costs more per column than the rules cost per clock. The receipt event
/// (a work order has one, and nothing can happen before it) is the first of the work order's events in
/// the (work order, occurred-at) index: one event row read per clock, not every event of its work order.
/// </summary>
internal static class DueClocks
{
    /// <summary>The batch, in the order its checks fell due (so batches of any size charge the same entries in the same order).</summary>
    public static async Task<List<ClockToAccrue>> ReadAsync(AppDbContext db, DateTime now, int batchSize, CancellationToken ct) =>
        db.Database.IsNpgsql() ? Ordered(await ReadLockedAsync(db, now, batchSize, ct)) : ReadSqlite(db, now, batchSize, after: null);

    /// <summary>
    /// SQLite: the batch after the one that ended at <paramref name="after"/> (its last check and clock),
    /// read ahead on a second connection while that one is written (<see cref="AccrualReadAhead"/>).
    /// </summary>
    public static List<ClockToAccrue> ReadAfter(AppDbContext db, DateTime now, int batchSize, ClockKey after) =>
        ReadSqlite(db, now, batchSize, after);

    /// <summary>Where a batch ends in the order checks fall due: the key its next batch starts after.</summary>
    public static ClockKey End(IReadOnlyList<ClockToAccrue> batch) => new(batch[^1].PenaltyCheckUtc!.Value, batch[^1].Id);

    static List<ClockToAccrue> Ordered(List<ClockToAccrue> clocks) => [.. clocks.OrderBy(c => c.PenaltyCheckUtc).ThenBy(c => c.Id)];

    /// <summary>SQLite, in process: the same query straight off the connection's handle, without a query pipeline per row.</summary>
    static List<ClockToAccrue> ReadSqlite(AppDbContext db, DateTime now, int batchSize, ClockKey? after)
    {
        using var query = SqliteStatement.Prepare(
            db,
            """
            SELECT k."Id", k."WorkOrderId", k."Kind", k."DueUtc", k."MetAtUtc", p."PenaltyPeriods", p."PenaltyCheckUtc",
                (SELECT e."Id" FROM "WorkOrderEvents" AS e WHERE e."WorkOrderId" = k."WorkOrderId" AND e."Type" = 'Received'
                    ORDER BY e."OccurredAtUtc", e."Id" LIMIT 1),
                w."ContractId"
            FROM "WorkOrderClocks" AS k
            JOIN "WorkOrderClockPenalties" AS p ON p."Id" = k."Id"
            JOIN "WorkOrders" AS w ON w."Id" = k."WorkOrderId"
            WHERE k."Id" IN (
                SELECT "Id" FROM "WorkOrderClockPenalties" WHERE "PenaltyCheckUtc" < ? AND ("PenaltyCheckUtc", "Id") > (?, ?)
                ORDER BY "PenaltyCheckUtc", "Id" LIMIT ?)
            """
        );
        query.Bind(0, now);
        // No batch before: from the first check (an instant binds as text, and every stored one sorts after this).
        query.Bind(1, after?.CheckUtc ?? DateTime.MinValue);
        query.Bind(2, after?.ClockId ?? long.MinValue);
        query.Bind(3, batchSize);
        var clocks = new List<ClockToAccrue>();
        while (query.Read())
            clocks.Add(
                new ClockToAccrue(
                    query.Int64(0),
                    query.Int64(1),
                    Enum.Parse<ClockKind>(query.Text(2)),
                    query.Instant(3),
                    query.Instant(4),
                    (int)query.Int64(5),
                    query.Instant(6),
                    query.NullableInt64(7),
                    query.NullableInt64(8)
                )
            );
        return Ordered(clocks);
    }

    /// <summary>PostgreSQL: the batch's clock rows are locked (a second instance skips them and takes others).</summary>
    static async Task<List<ClockToAccrue>> ReadLockedAsync(AppDbContext db, DateTime now, int batchSize, CancellationToken ct)
    {
        var ids = db.Database.SqlQuery<long>(
            $"""
            SELECT "Id" AS "Value" FROM "WorkOrderClockPenalties" WHERE "PenaltyCheckUtc" < {now}
            ORDER BY "PenaltyCheckUtc", "Id" LIMIT {batchSize} FOR UPDATE SKIP LOCKED
            """
        );
        return await (
            from k in db.WorkOrderClocks
            where ids.Contains(k.Id)
            join w in db.WorkOrders.IgnoreQueryFilters() on k.WorkOrderId equals w.Id
            select new ClockToAccrue(
                k.Id,
                k.WorkOrderId,
                k.Kind,
                k.DueUtc,
                k.MetAtUtc,
                k.PenaltyPeriods,
                k.PenaltyCheckUtc,
                db.WorkOrderEvents.Where(e => e.WorkOrderId == w.Id && e.Type == WorkOrderEventType.Received)
                    .OrderBy(e => e.OccurredAtUtc)
                    .ThenBy(e => e.Id)
                    .Select(e => (long?)e.Id)
                    .FirstOrDefault(),
                w.ContractId
            )
        ).ToListAsync(ct);
    }

    /// <summary>The terms of the batch's contracts (a few thousand rows, however many clocks).</summary>
    public static async Task<Dictionary<long, ContractTerms>> TermsAsync(
        AppDbContext db,
        IEnumerable<long> contractIds,
        CancellationToken ct
    )
    {
        var ids = contractIds.Distinct().ToList();
        return await db
            .Contracts.IgnoreQueryFilters()
            .Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new ContractTerms(c.Id, c.CustomerId, c.TotalFen, c.Terms.ResponsePenaltyBp, c.Terms.LateRestorePenaltyBp))
            .ToDictionaryAsync(t => t.Id, ct);
    }

    /// <summary>Writes each visited clock's new state (in key order); every clock of the batch must still be there.</summary>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<ClockAccrual> states, CancellationToken ct)
    {
        if (states.Count == 0)
            return;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction =
            db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Accrual writes inside a transaction.");
        var changed = 0;
        if (db.Database.IsNpgsql())
        {
            command.CommandText = """
                UPDATE "WorkOrderClockPenalties" AS p SET "PenaltyPeriods" = v.n, "PenaltyCheckUtc" = v.c
                FROM unnest(@i, @n, @c) AS v(i, n, c) WHERE p."Id" = v.i
                """;
            Add(command, "@i", states.Select(s => s.ClockId).ToArray(), NpgsqlDbType.Bigint);
            Add(command, "@n", states.Select(s => s.Periods).ToArray(), NpgsqlDbType.Integer);
            Add(command, "@c", states.Select(s => s.NextCheckUtc).ToArray(), NpgsqlDbType.TimestampTz);
            changed = await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            using var update = SqliteStatement.Prepare(
                db,
                """UPDATE "WorkOrderClockPenalties" SET "PenaltyPeriods" = ?, "PenaltyCheckUtc" = ? WHERE "Id" = ?"""
            );
            foreach (var s in states)
            {
                // A UTC instant binds as the text the model stores, so the check's index compares it alike.
                update.Bind(0, s.Periods);
                update.Bind(1, s.NextCheckUtc);
                update.Bind(2, s.ClockId);
                changed += update.Execute();
            }
        }
        if (changed != states.Count)
            throw new DbUpdateConcurrencyException(
                $"{states.Count - changed} of {states.Count} clocks were gone when their accrual was written."
            );
    }

    static void Add(DbCommand command, string name, Array values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values });
}
