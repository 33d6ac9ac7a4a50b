using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AfterSales.Tests.Platform;

/// <summary>
/// Which database the whole-app tests run on: SQLite (default) or PostgreSQL when
/// AFTERSALES_TEST_PROVIDER=Postgres. On PostgreSQL each test gets its own database, created by
/// the application's migrations and dropped afterwards. A missing server is a failure, not a skip.
/// </summary>
public static class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("AFTERSALES_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Server connection (without a database) from ConnectionStrings__Postgres.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "AFTERSALES_TEST_PROVIDER=Postgres but ConnectionStrings__Postgres is not set: start PostgreSQL (ci/pg-up.sh)."
            );

    static readonly SemaphoreSlim TemplateLock = new(1, 1);
    static string? _template;

    /// <summary>
    /// A new database for one test, copied from a template that the migrations built once per
    /// run (CREATE DATABASE … TEMPLATE is far faster than migrating every test's database).
    /// </summary>
    public static string NewPostgresDatabase()
    {
        var template = EnsureTemplateAsync().GetAwaiter().GetResult();
        var name = $"t_{Guid.NewGuid():N}";
        using (var conn = new NpgsqlConnection(Server("postgres")))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return Server(name);
    }

    static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = false }.ConnectionString;

    static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null)
            return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
                return _template;
            var name = $"tmpl_{typeof(AfterSales.Platform.Data.AppDbContext).Assembly.ManifestModule.ModuleVersionId:N}";
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(Server(name)).Options;
            await using (var db = new PostgresAppDbContext(options))
                await db.Database.MigrateAsync();
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static async Task DropPostgresAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var conn = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString
        );
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
