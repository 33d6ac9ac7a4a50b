using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// Keeps the board search index (<see cref="WorkOrderSearchGram"/>): a work order's postings are
/// added when it opens (intake, bulk generation) or reopens and removed when it closes, on the
/// transaction of that change. One statement per work order whatever its number of grams — the
/// grams go as one parameter (a JSON array read by json_each on SQLite, a text[] unnested on
/// PostgreSQL) — prepared once per context, since the group-commit writer runs it for every intake.
/// </summary>
internal sealed class SearchIndex
{
    static readonly ConditionalWeakTable<AppDbContext, SearchIndex> PerContext = [];

    readonly AppDbContext _db;
    readonly bool _sqlite;
    DbCommand? _add;
    DbCommand? _remove;

    SearchIndex(AppDbContext db) => (_db, _sqlite) = (db, db.Database.IsSqlite());

    public static SearchIndex For(AppDbContext db) => PerContext.GetValue(db, d => new SearchIndex(d));

    /// <summary>The grams of what the board searches in a work order itself: its number and its description.</summary>
    public static IEnumerable<string> GramsOf(string number, string description) =>
        SearchGrams.Of(number).Union(SearchGrams.Of(description), StringComparer.Ordinal);

    public Task AddAsync(WorkOrder w, CancellationToken ct) => AddAsync(w.Id, w.Number, w.Description, ct);

    public Task AddAsync(long id, string number, string description, CancellationToken ct) =>
        RunAsync(
            _add ??= Command(
                _sqlite
                    ? """INSERT OR IGNORE INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") SELECT value, @id FROM json_each(@grams)"""
                    : """INSERT INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") SELECT unnest(@grams), @id ON CONFLICT DO NOTHING"""
            ),
            id,
            GramsOf(number, description),
            ct
        );

    /// <summary>Removes by the work order's own grams, each a seek on the key (no index by work order needed).</summary>
    public Task RemoveAsync(WorkOrder w, CancellationToken ct) =>
        RunAsync(
            _remove ??= Command(
                _sqlite
                    ? """DELETE FROM "WorkOrderSearchGrams" WHERE "WorkOrderId" = @id AND "Gram" IN (SELECT value FROM json_each(@grams))"""
                    : """DELETE FROM "WorkOrderSearchGrams" WHERE "WorkOrderId" = @id AND "Gram" = ANY(@grams)"""
            ),
            w.Id,
            GramsOf(w.Number, w.Description),
            ct
        );

    /// <summary>After a verb: indexed when open, not when closed.</summary>
    public Task SetAsync(WorkOrder w, CancellationToken ct) => w.IsClosed ? RemoveAsync(w, ct) : AddAsync(w, ct);

    async Task RunAsync(DbCommand command, long id, IEnumerable<string> grams, CancellationToken ct)
    {
        // The statement may outlive the transaction it was prepared on (a context doing several).
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters[0].Value = id;
        command.Parameters[1].Value = _sqlite ? JsonSerializer.Serialize(grams) : grams.ToArray();
        await command.ExecuteNonQueryAsync(ct);
    }

    DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        // Fixed text: the grams and the id are parameters.
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in new[] { "@id", "@grams" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
