using System.Data;
using System.Globalization;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// A larger SQLite page cache for one accrual pass. A pass over a backlog inserts tens of thousands
/// of entries into half a dozen indexes at scattered places (contract, work order, customer); with
/// SQLite's default 2 MB cache the dirty pages spill to the log in the middle of the transaction
/// and are written again and again, which cost most of such a pass. The connection keeps the
/// context's connection open for the pass and gives the cache back at the end (SQLite frees the
/// pages above the restored size), so an idle pooled connection holds no more than before.
/// A pass with little to do touches few pages and allocates nothing. PostgreSQL: nothing to do.
/// </summary>
internal sealed class SqliteCache : IAsyncDisposable
{
    readonly AppDbContext _db;
    readonly long _before;

    SqliteCache(AppDbContext db, long before) => (_db, _before) = (db, before);

    /// <param name="mib">The pass's cache in MiB (<c>Penalties:AccrualCacheMiB</c>); 0 leaves the cache as it is.</param>
    public static async Task<SqliteCache?> EnlargeAsync(AppDbContext db, int mib, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || mib <= 0)
            return null;
        await db.Database.OpenConnectionAsync(ct);
        var before = await PragmaAsync(db, "PRAGMA cache_size", ct);
        await PragmaAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{mib * 1024}"), ct);
        return new SqliteCache(db, before);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db.Database.GetDbConnection().State == ConnectionState.Open)
            await PragmaAsync(_db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {_before}"), CancellationToken.None);
        await _db.Database.CloseConnectionAsync();
    }

    internal static async Task<long> PragmaAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // A fixed pragma with a number formatted here, never input.
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }
}
