using AfterSales.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Platform;

/// <summary>
/// Every SQLite connection the application uses commits durably, enforces foreign keys, waits for
/// other writers and keeps its temporary files (savepoint journals above all) in memory: the first one opened after the migrations, one reused from the pool many times, and
/// one opened while another is busy. On the application's own database file, as it runs in production,
/// whichever provider the other tests use.
/// </summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Every_connection_after_start_up_is_durable_enforces_foreign_keys_waits_for_writers_and_journals_savepoints_in_memory()
    {
        await using var app = OnSqliteFile();

        for (var i = 0; i < 5; i++)
            (await PragmasAsync(app)).ShouldBe((Synchronous: 2L, ForeignKeys: 1L, BusyTimeout: 10_000L, TempStore: 2L));

        // Two contexts open at once: the second takes another native connection from the pool.
        using var busy = app.Services.CreateScope();
        var held = busy.ServiceProvider.GetRequiredService<AppDbContext>();
        await held.Database.OpenConnectionAsync();
        (await PragmasAsync(app)).ShouldBe((Synchronous: 2L, ForeignKeys: 1L, BusyTimeout: 10_000L, TempStore: 2L));
        await held.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task A_row_naming_a_missing_parent_is_refused_on_a_reused_connection()
    {
        await using var app = OnSqliteFile();
        for (var i = 0; i < 3; i++)
            await PragmasAsync(app);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var insert = () =>
            db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "WorkOrderClockPenalties" ("Id", "PenaltyPeriods", "PenaltyCheckUtc") VALUES (987654321, 0, NULL)
                """
            );

        (await Should.ThrowAsync<SqliteException>(insert)).SqliteErrorCode.ShouldBe(19); // SQLITE_CONSTRAINT (foreign key)
    }

    static AppFactory OnSqliteFile()
    {
        // An empty connection string: the application's own file in its data folder.
        var app = new AppFactory().With("Database:Provider", "Sqlite").With("ConnectionStrings:Default", "");
        _ = app.Services;
        return app;
    }

    static async Task<(long Synchronous, long ForeignKeys, long BusyTimeout, long TempStore)> PragmasAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            return (
                await PragmaAsync(db, "synchronous"),
                await PragmaAsync(db, "foreign_keys"),
                await PragmaAsync(db, "busy_timeout"),
                await PragmaAsync(db, "temp_store")
            );
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<long> PragmaAsync(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
