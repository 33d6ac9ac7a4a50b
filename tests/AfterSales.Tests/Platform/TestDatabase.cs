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

    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"t_{Guid.NewGuid():N}", Pooling = false }.ConnectionString;

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
