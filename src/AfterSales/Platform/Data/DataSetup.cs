using AfterSales.Platform.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

internal static class DataSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The folder that holds the SQLite file, uploaded files and data-protection keys.</summary>
    public static string DataFolder(IConfiguration config) => Path.GetFullPath(config["Data:Folder"] is { Length: > 0 } f ? f : "data");

    public static void AddData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Database:Provider"] ?? Sqlite;
        var cs = config.GetConnectionString("Default");
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
            builder.Services.AddPooledContexts<PostgresAppDbContext>(o => o.UseNpgsql(cs));
        }
        else if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(cs))
            {
                var folder = DataFolder(config);
                Directory.CreateDirectory(folder);
                cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "aftersales.db") }.ToString();
            }
            var pragmas = new SqlitePragmas(config.GetValue("Data:WalAutocheckpointPages", 1000));
            builder.Services.AddPooledContexts<SqliteAppDbContext>(o => o.UseSqlite(cs).AddInterceptors(pragmas));
            builder.Services.AddHostedService<WalCheckpointer>();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}' (Sqlite or Postgres).");
        }
    }

    /// <summary>
    /// Every scope (a request, a group commit, a background pass) gets its <see cref="AppDbContext"/>
    /// from a pool and gives it back when the scope ends. The options are built once for the
    /// application, and a pooled context keeps EF's internal services between leases: building the
    /// options was a tenth of the server's CPU at a thousand API requests a second, and setting up a
    /// new context's services another twelfth. Each lease binds the scope's user and clock.
    /// </summary>
    static void AddPooledContexts<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        // The only use of the pool's factory (banned elsewhere): a context from it is bound to no one until leased.
#pragma warning disable RS0030
        services.AddScoped<AppDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<TContext>>()
                .CreateDbContext()
                .Lease(sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<TimeProvider>())
        );
#pragma warning restore RS0030
    }

    /// <summary>Brings the schema up to date; SQLite switches to write-ahead logging once, for good.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
        // A migration that rebuilds a table switches foreign keys off on its connection; the pooled
        // connections it used are closed, so every connection after it starts with the pragmas (SqlitePragmas).
        if (db.Database.IsSqlite())
            SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
    }
}
