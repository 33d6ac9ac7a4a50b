using System.Net;
using System.Net.Http.Json;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Tests.Platform;

/// <summary>
/// The whole application on its own database (in-memory SQLite, a SQLite file with its
/// write-ahead log, or a fresh PostgreSQL database) with its own data folder and a fake clock. One per test: <c>await using var app = new AppFactory();</c>
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncDisposable
{
    public const string Password = "Test-pass-123";

    /// <summary>2026-11-25 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    readonly SqliteConnection? _keepAlive;
    readonly string _connectionString;

    /// <summary>False for a second node on another factory's database: that factory drops it.</summary>
    readonly bool _ownsDatabase = true;
    readonly Dictionary<string, string?> _settings = [];

    public FakeTimeProvider Clock { get; } = new(T0);

    /// <summary>What the application logged as an error or worse.</summary>
    public ErrorLog Errors { get; } = new();

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("aftersales-test-").FullName;

    /// <param name="onDisk">
    /// SQLite in a file of the data folder, as the application runs it (write-ahead log, readers beside
    /// the writer), rather than in memory; PostgreSQL as always.
    /// </param>
    public AppFactory(bool demo = false, bool onDisk = false)
    {
        if (TestDatabase.IsPostgres)
        {
            _connectionString = TestDatabase.NewPostgresDatabase();
        }
        else if (onDisk)
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, "aftersales.db") }.ToString();
        }
        else
        {
            _connectionString = $"Data Source=t{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
        _settings["Demo:Enabled"] = demo ? "true" : "false";
    }

    /// <summary>
    /// A second application node on this factory's database, as two servers behind a load
    /// balancer share one database: its own host, group-commit writer and clock.
    /// </summary>
    public AppFactory SecondNode() => new(_connectionString);

    AppFactory(string sharedConnectionString)
    {
        _connectionString = sharedConnectionString;
        _ownsDatabase = false;
        _settings["Demo:Enabled"] = "false";
    }

    /// <summary>Override a configuration value before the first request.</summary>
    public AppFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", TestDatabase.IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);
        });
    }

    /// <summary>A browser-like client (cookies, no automatic redirects), not signed in.</summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a new user with the given role (customer users need <paramref name="customerId"/>).</summary>
    public async Task<HttpClient> SignInAsync(string role, long? customerId = null, string? userName = null)
    {
        userName ??= $"{role.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
        await CreateUserAsync(userName, role, customerId);
        return await LogInAsync(userName);
    }

    /// <summary>A fresh sign-in of an existing user: after the fake clock has moved past the cookie's lifetime, for one.</summary>
    public async Task<HttpClient> LogInAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    public async Task<AppUser> CreateUserAsync(string userName, string role, long? customerId = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = userName,
            CustomerId = customerId,
            CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>The user with this user name, as stored.</summary>
    public Task<AppUser> UserAsync(string userName) => DbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));

    /// <summary>A client that authenticates with a new API key carrying the given scopes.</summary>
    public async Task<HttpClient> ApiKeyClientAsync(params string[] scopes)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (key, secret) = ApiKey.Create("test", scopes, "test", Clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync();
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    /// <summary>Runs a query or change directly on the database, as staff (no customer scope).</summary>
    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task DbAsync(Func<AppDbContext, Task> work) =>
        DbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Row counts of every table, to prove that a refused request changed nothing.</summary>
    public Task<Dictionary<string, int>> SnapshotAsync() =>
        DbAsync(async db =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned()))
            {
                var table = type.GetTableName();
                if (table is null || counts.ContainsKey(table))
                    continue;
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
                counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
            }
            return counts;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keepAlive?.Dispose();
        if (!TestDatabase.IsPostgres && _keepAlive is null && _ownsDatabase)
        {
            // The file's pooled connections: closed before the file goes.
            await using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        if (TestDatabase.IsPostgres && _ownsDatabase)
            await TestDatabase.DropPostgresAsync(_connectionString);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
