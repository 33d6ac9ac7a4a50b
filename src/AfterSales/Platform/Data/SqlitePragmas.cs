using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
/// </summary>
internal sealed class SqlitePragmas(int walAutocheckpointPages = 1000) : DbConnectionInterceptor
{
    readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint={walAutocheckpointPages};"
    );

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
