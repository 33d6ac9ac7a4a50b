using AfterSales.Features.Demo;
using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Platform.Cli;

/// <summary>
/// Command-line entries of the same program, run after migrations and instead of the web server:
/// <code>
/// AfterSales create-admin --user NAME --password SECRET [--name DISPLAYNAME]
/// AfterSales generate [--customers N] [--work-orders N] [--seed S]
/// AfterSales generate --penalties N --contract ID
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
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: create-admin, generate.");
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
