using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace AfterSales.Platform.Data;

/// <summary>
/// Durability and integrity on every SQLite connection: a committed write survives a killed
/// process or power loss (synchronous=FULL, which in WAL mode syncs the log on every commit),
/// foreign keys are enforced, and writers wait for each other instead of failing.
/// <para>
/// <paramref name="walAutocheckpointPages"/> (<c>Data:WalAutocheckpointPages</c>) is how long the
/// write-ahead log may grow before the connection that commits copies it back into the database.
/// That copy runs inside the commit, on the group-commit writer's one thread, and with
/// synchronous=FULL it also syncs the database file; <see cref="WalCheckpointer"/> can do it off that
/// thread instead. Neither changes what a commit guarantees.
/// </para>
/// <para>
/// Temporary storage is in memory (temp_store=MEMORY). Above all this keeps savepoint journals off
/// the disk: every write of a group commit runs in a savepoint, and SQLite copies each page the
/// write changes to that savepoint's journal first, so it can undo just that write. Past 64 KiB
/// such a journal went to a temporary file, and at a thousand intakes a second those files took
/// four times the bytes of the write-ahead log itself, for nothing: a released savepoint's journal
/// is thrown away. The queries' own temporary sorts are small (the lists page through indexes).
/// </para>
/// <para>
/// The pragmas hold for the native connection, and Microsoft.Data.Sqlite pools native connections:
/// each is set up once, when first opened, not on every open (every request opens one, and parsing
/// and running the four pragmas each time was a measurable share of an API request).
/// </para>
/// </summary>
internal sealed class SqlitePragmas(int walAutocheckpointPages = 1000) : DbConnectionInterceptor
{
    readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint={walAutocheckpointPages}; PRAGMA temp_store=MEMORY;"
    );

    readonly ConditionalWeakTable<sqlite3, object> _prepared = [];

    bool IsSetUp(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && _prepared.TryGetValue(handle, out _);

    /// <summary>Marked once the pragmas ran: a connection whose set-up failed is set up again on its next open.</summary>
    void MarkSetUp(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            _prepared.AddOrUpdate(handle, _pragmas);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSetUp(connection))
            return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
        MarkSetUp(connection);
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (IsSetUp(connection))
            return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        MarkSetUp(connection);
    }
}
