using System.Data.Common;
using System.Text.Json;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// Keeps the board search index (<see cref="WorkOrderSearchGram"/>): a work order's postings are
/// added when it opens and removed when it closes, on the transaction of that change. The intake
/// only queues the new work order (<see cref="QueueAsync"/>; <see cref="SearchIndexer"/> adds the
/// postings of many at once), since a work order's few dozen postings land all over the index and
/// writing them one work order at a time was half of the intake writer's time. Reopening and bulk
/// generation add them at once: one statement per work order whatever its number of grams — the
/// grams go as one parameter (a JSON array read by json_each on SQLite, a text[] unnested on
/// PostgreSQL) — prepared once per lease of the context, as is the queue's insert the writer runs for every intake.
/// </summary>
internal sealed class SearchIndex
{
    readonly AppDbContext _db;
    readonly bool _sqlite;
    DbCommand? _add;
    DbCommand? _remove;
    DbCommand? _queue;
    DbCommand? _unqueue;

    SearchIndex(AppDbContext db) => (_db, _sqlite) = (db, db.Database.IsSqlite());

    public static SearchIndex For(AppDbContext db) => db.Leased(d => new SearchIndex(d));

    /// <summary>The grams of what the board searches in a work order itself: its number and its description.</summary>
    public static IEnumerable<string> GramsOf(string number, string description) =>
        SearchGrams.Of(number).Union(SearchGrams.Of(description), StringComparer.Ordinal);

    public Task AddAsync(WorkOrder w, CancellationToken ct) => AddAsync(w.Id, w.Number, w.Description, ct);

    public Task AddAsync(long id, string number, string description, CancellationToken ct) =>
        RunAsync(
            _add ??= Command(
                _sqlite
                    ? """INSERT OR IGNORE INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") SELECT value, @id FROM json_each(@grams)"""
                    : """INSERT INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") SELECT unnest(@grams), @id ON CONFLICT DO NOTHING""",
                "@id",
                "@grams"
            ),
            id,
            GramsOf(number, description),
            ct
        );

    /// <summary>A new work order, to be indexed by <see cref="SearchIndexer"/>; a search finds it meanwhile.</summary>
    public Task QueueAsync(long id, CancellationToken ct) =>
        RunAsync(
            _queue ??= Command("""INSERT INTO "WorkOrderSearchPending" ("WorkOrderId") VALUES (@id) ON CONFLICT DO NOTHING""", "@id"),
            id,
            null,
            ct
        );

    /// <summary>
    /// Removes by the work order's own grams, each a seek on the key (no index by work order needed),
    /// and from the queue if the indexer has not reached it. The queue first: on PostgreSQL, should
    /// the indexer hold the row, this waits for its postings and then removes them too.
    /// </summary>
    public async Task RemoveAsync(WorkOrder w, CancellationToken ct)
    {
        await RunAsync(_unqueue ??= Command("""DELETE FROM "WorkOrderSearchPending" WHERE "WorkOrderId" = @id""", "@id"), w.Id, null, ct);
        await RunAsync(
            _remove ??= Command(
                _sqlite
                    ? """DELETE FROM "WorkOrderSearchGrams" WHERE "WorkOrderId" = @id AND "Gram" IN (SELECT value FROM json_each(@grams))"""
                    : """DELETE FROM "WorkOrderSearchGrams" WHERE "WorkOrderId" = @id AND "Gram" = ANY(@grams)""",
                "@id",
                "@grams"
            ),
            w.Id,
            GramsOf(w.Number, w.Description),
            ct
        );
    }

    /// <summary>The postings of work orders in key order (gram, then work order).</summary>
    public static List<(string Gram, long WorkOrderId)> PostingsOf(IEnumerable<(long Id, string Number, string Description)> workOrders)
    {
        var postings = workOrders.SelectMany(w => GramsOf(w.Number, w.Description).Select(g => (Gram: g, WorkOrderId: w.Id))).ToList();
        postings.Sort((x, y) => string.CompareOrdinal(x.Gram, y.Gram) is var c && c != 0 ? c : x.WorkOrderId.CompareTo(y.WorkOrderId));
        return postings;
    }

    /// <summary>
    /// Postings of many work orders (<see cref="PostingsOf"/>), in the order given: in key order, a
    /// page of the index takes all its new postings at once.
    /// </summary>
    public async Task AddManyAsync(IReadOnlyList<(string Gram, long WorkOrderId)> postings, CancellationToken ct)
    {
        if (postings.Count == 0)
            return;
        if (_sqlite)
        {
            // In process: one prepared insert run per posting costs less than any way of passing them in one.
            using var insert = SqliteStatement.Prepare(
                _db,
                """INSERT OR IGNORE INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") VALUES (?, ?)"""
            );
            foreach (var (gram, id) in postings)
            {
                insert.Bind(0, gram);
                insert.Bind(1, id);
                insert.Execute();
            }
            return;
        }
        await using var command = Command(
            """INSERT INTO "WorkOrderSearchGrams" ("Gram", "WorkOrderId") SELECT * FROM unnest(@grams, @ids) ON CONFLICT DO NOTHING""",
            "@grams",
            "@ids"
        );
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters[0].Value = postings.Select(p => p.Gram).ToArray();
        command.Parameters[1].Value = postings.Select(p => p.WorkOrderId).ToArray();
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Takes the given work orders off the queue and returns those that were still on it (one
    /// closed meanwhile, or taken by another instance, is not). PostgreSQL: rows another transaction
    /// holds are skipped, not waited for — the other instance's writer may hold them in a batch
    /// whose next intake waits for this writer's number counter, which would deadlock the two.
    /// A row skipped for a close that then rolls back is taken on the next tick.
    /// </summary>
    public async Task<HashSet<long>> DequeueAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        // Fixed statements; the ids are one parameter.
#pragma warning disable EF1002
        var taken = _sqlite
            ? _db.Database.SqlQueryRaw<long>(
                """DELETE FROM "WorkOrderSearchPending" WHERE "WorkOrderId" IN (SELECT value FROM json_each({0})) RETURNING "WorkOrderId" AS "Value" """,
                JsonSerializer.Serialize(ids)
            )
            : _db.Database.SqlQueryRaw<long>(
                """
                DELETE FROM "WorkOrderSearchPending" WHERE "WorkOrderId" IN (
                    SELECT "WorkOrderId" FROM "WorkOrderSearchPending" WHERE "WorkOrderId" = ANY({0}) FOR UPDATE SKIP LOCKED)
                RETURNING "WorkOrderId" AS "Value"
                """,
                ids.ToArray()
            );
#pragma warning restore EF1002
        return [.. await taken.ToListAsync(ct)];
    }

    /// <summary>After a verb: indexed when open, not when closed.</summary>
    public Task SetAsync(WorkOrder w, CancellationToken ct) => w.IsClosed ? RemoveAsync(w, ct) : AddAsync(w, ct);

    async Task RunAsync(DbCommand command, long id, IEnumerable<string>? grams, CancellationToken ct)
    {
        // The statement may outlive the transaction it was prepared on (a context doing several).
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters[0].Value = id;
        if (grams is not null)
            command.Parameters[1].Value = _sqlite ? JsonSerializer.Serialize(grams) : grams.ToArray();
        await command.ExecuteNonQueryAsync(ct);
    }

    DbCommand Command(string sql, params string[] names)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        // Fixed text: the grams and the id are parameters.
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
