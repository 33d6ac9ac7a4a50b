using AfterSales.Features.Admin.ApiKeys;
using AfterSales.Features.Demo;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Platform.Cli;

/// <summary>
/// Command-line entries of the same program, run after migrations and instead of the web server:
/// <code>
/// AfterSales create-admin --user NAME --password SECRET [--name DISPLAYNAME]
/// AfterSales create-api-key --name NAME --scopes SCOPE[,SCOPE…]     (prints the secret once)
/// AfterSales generate [--customers N] [--work-orders N] [--seed S]
/// AfterSales generate --penalties N --contract ID
/// AfterSales generate --late-work-orders N [--contracts C]         (open, restore deadline passed within the last day)
/// AfterSales generate --calls N                                  (hotline calls for the three-ring report)
/// AfterSales accrue [--at INSTANT[,INSTANT…]]                       (timed penalty accrual passes, one per instant)
/// AfterSales scan-breaches [--at INSTANT]                           (one timed breach-detection pass)
/// AfterSales generate --inspection-contracts N --inspection-sites M
/// AfterSales plan-inspections --season summer|winter --year YYYY [--today YYYY-MM-DD]
/// </code>
/// </summary>
internal static class Commands
{
    public static async Task<bool> TryRunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return false;
        var options = Options(args.Skip(1).ToArray());
        await using var scope = services.CreateAsyncScope();
        switch (args[0])
        {
            case "create-admin":
                await CreateAdminAsync(scope.ServiceProvider, options);
                return true;
            case "create-api-key":
                await CreateApiKeyAsync(scope.ServiceProvider, options);
                return true;
            case "accrue":
                await Features.Penalties.AccrualCommand.RunAsync(
                    scope.ServiceProvider,
                    options.GetValueOrDefault("at"),
                    Console.Out,
                    CancellationToken.None
                );
                return true;
            case "scan-breaches":
                Console.WriteLine(
                    await Features.WorkOrders.Breaches.ScanCommand.RunAsync(
                        scope.ServiceProvider,
                        options.GetValueOrDefault("at"),
                        CancellationToken.None
                    )
                );
                return true;
            case "plan-inspections":
                Console.WriteLine(
                    await Features.Inspections.InspectionCommands.PlanAsync(scope.ServiceProvider, options, CancellationToken.None)
                );
                return true;
            case "generate" when options.TryGetValue("inspection-contracts", out var inspectionContracts):
                Console.WriteLine(
                    await Features.Inspections.InspectionBenchData.GenerateAsync(
                        scope.ServiceProvider,
                        int.Parse(inspectionContracts, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(
                            options.GetValueOrDefault("inspection-sites", "50000"),
                            System.Globalization.CultureInfo.InvariantCulture
                        ),
                        CancellationToken.None
                    )
                );
                return true;
            case "generate" when options.TryGetValue("penalties", out var penalties):
                Console.WriteLine(
                    await BulkPenalties.GenerateAsync(
                        scope.ServiceProvider,
                        long.Parse(options.GetValueOrDefault("contract", "1"), System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(penalties, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(options.GetValueOrDefault("seed", "1"), System.Globalization.CultureInfo.InvariantCulture),
                        CancellationToken.None
                    )
                );
                return true;
            case "generate" when options.TryGetValue("late-work-orders", out var late):
                Console.WriteLine(
                    await BulkLateWorkOrders.GenerateAsync(
                        scope.ServiceProvider,
                        int.Parse(late, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(options.GetValueOrDefault("contracts", "5000"), System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(options.GetValueOrDefault("seed", "1"), System.Globalization.CultureInfo.InvariantCulture),
                        CancellationToken.None
                    )
                );
                return true;
            case "generate" when options.TryGetValue("calls", out var calls):
                Console.WriteLine(
                    await BulkCalls.GenerateAsync(
                        scope.ServiceProvider,
                        int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(options.GetValueOrDefault("seed", "1"), System.Globalization.CultureInfo.InvariantCulture),
                        CancellationToken.None
                    )
                );
                return true;
            case "generate":
                var seed = int.Parse(options.GetValueOrDefault("seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
                if (options.ContainsKey("customers") || !options.ContainsKey("work-orders"))
                {
                    var count = int.Parse(options.GetValueOrDefault("customers", "100"), System.Globalization.CultureInfo.InvariantCulture);
                    Console.WriteLine(await BulkData.GenerateAsync(scope.ServiceProvider, count, seed, CancellationToken.None));
                }
                if (options.TryGetValue("work-orders", out var workOrders))
                {
                    var n = int.Parse(workOrders, System.Globalization.CultureInfo.InvariantCulture);
                    Console.WriteLine(await BulkWorkOrders.GenerateAsync(scope.ServiceProvider, n, seed, CancellationToken.None));
                }
                return true;
            default:
                Console.Error.WriteLine(
                    $"Unknown command '{args[0]}'. Commands: create-admin, create-api-key, generate, accrue, scan-breaches, plan-inspections."
                );
                Environment.ExitCode = 2;
                return true;
        }
    }

    static async Task CreateAdminAsync(IServiceProvider sp, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("user", out var user) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine("Usage: create-admin --user NAME --password SECRET [--name DISPLAYNAME]");
            Environment.ExitCode = 2;
            return;
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var admin = new AppUser
        {
            UserName = user,
            DisplayName = options.GetValueOrDefault("name", user),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return;
        }
        Console.WriteLine($"Admin user '{user}' created.");
    }

    /// <summary>A key for a machine client (phone system, mail gateway, benchmark), as the admin page creates one.</summary>
    static async Task CreateApiKeyAsync(IServiceProvider sp, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("name", out var name) || !options.TryGetValue("scopes", out var scopes))
        {
            Console.Error.WriteLine(
                $"Usage: create-api-key --name NAME --scopes SCOPE[,SCOPE…]  (scopes: {string.Join(", ", Policies.Scopes)})"
            );
            Environment.ExitCode = 2;
            return;
        }
        IReadOnlyList<string> chosen;
        try
        {
            chosen = ApiKeyScopes.Check(scopes.Split(',', StringSplitOptions.TrimEntries));
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine(e.Localized);
            Environment.ExitCode = 2;
            return;
        }
        var db = sp.GetRequiredService<AppDbContext>();
        var (key, secret) = ApiKey.Create(name, chosen, "command line", sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync();
        Console.WriteLine(secret);
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                options[args[i][2..]] = args[++i];
        }
        return options;
    }
}
