using AfterSales.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AfterSales.Platform.Data;

// One thin subclass per provider, so each keeps its own migrations (Migrations/Sqlite,
// Migrations/Postgres). The application always talks to AppDbContext.

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentUser user, TimeProvider clock)
    : AppDbContext(options, user, clock);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentUser user, TimeProvider clock)
    : AppDbContext(options, user, clock);

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options,
            new CurrentUser(new HttpContextAccessor()),
            TimeProvider.System
        );
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
            new CurrentUser(new HttpContextAccessor()),
            TimeProvider.System
        );
}
