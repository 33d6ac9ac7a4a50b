using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Platform;

/// <summary>Every model change ships a migration for both providers.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges()
            .ShouldBeFalse("run: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=unused").Options
        );

        db.Database.HasPendingModelChanges()
            .ShouldBeFalse("run: dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Migrations/Postgres");
    }
}
