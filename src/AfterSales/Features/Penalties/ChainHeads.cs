using System.Data.Common;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Features.Penalties;

/// <summary>
/// Moves the heads of many contracts' chains at once (accrual: thousands of contracts a pass),
/// without the change tracker's one UPDATE per head. A head already there is moved only where it
/// still stands at the sequence it was read at — the same check as the head's concurrency token —
/// so a writer that appended to the contract meanwhile makes this transaction fail and be retried
/// whole (<see cref="LedgerRetry"/>); a new head is inserted, and two writers inserting one collide
/// on its key. On PostgreSQL one statement over arrays; on SQLite one prepared statement per head.
/// </summary>
internal static class ChainHeads
{
    static readonly string[] SqliteNames = ["@s", "@h", "@a", "@c", "@o"];

    /// <param name="moved">Each head as it is now, with the sequence it was read at (null: the contract had no head).</param>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<(PenaltyChain Head, long? ReadAt)> moved, CancellationToken ct)
    {
        await BulkRows.InsertAsync(db, [.. moved.Where(m => m.ReadAt is null).Select(m => m.Head)], ct);
        var updated = moved.Where(m => m.ReadAt is not null).OrderBy(m => m.Head.ContractId).ToList();
        if (updated.Count == 0)
            return;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction =
            db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Heads move inside a transaction.");
        var changed = 0;
        if (db.Database.IsNpgsql())
        {
            command.CommandText = """
                UPDATE "PenaltyChains" AS h SET "Sequence" = v.s, "Hash" = v.h, "AccruedFen" = v.a
                FROM unnest(@c, @o, @s, @h, @a) AS v(c, o, s, h, a)
                WHERE h."ContractId" = v.c AND h."Sequence" = v.o
                """;
            Add(command, "@c", updated.Select(m => m.Head.ContractId).ToArray(), NpgsqlDbType.Bigint);
            Add(command, "@o", updated.Select(m => m.ReadAt!.Value).ToArray(), NpgsqlDbType.Bigint);
            Add(command, "@s", updated.Select(m => m.Head.Sequence).ToArray(), NpgsqlDbType.Bigint);
            Add(command, "@h", updated.Select(m => m.Head.Hash).ToArray(), NpgsqlDbType.Text);
            Add(command, "@a", updated.Select(m => m.Head.AccruedFen).ToArray(), NpgsqlDbType.Bigint);
            changed = await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            command.CommandText = """
                UPDATE "PenaltyChains" SET "Sequence" = @s, "Hash" = @h, "AccruedFen" = @a
                WHERE "ContractId" = @c AND "Sequence" = @o
                """;
            DbParameter[] p = [.. SqliteNames.Select(name => Parameter(command, name))];
            await command.PrepareAsync(ct);
            foreach (var (head, readAt) in updated)
            {
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (
                    head.Sequence,
                    head.Hash,
                    head.AccruedFen,
                    head.ContractId,
                    readAt!.Value
                );
                changed += await command.ExecuteNonQueryAsync(ct);
            }
        }
        if (changed != updated.Count)
            throw new DbUpdateConcurrencyException(
                $"{updated.Count - changed} of {updated.Count} chain heads were moved by another writer."
            );
    }

    static void Add(DbCommand command, string name, Array values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values });

    static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
