using AfterSales.Features.Catalog;
using AfterSales.Features.Demo;
using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Platform.Data;

/// <summary>What every database needs (roles, the tender's catalog, the board search index of existing work orders) and, in demo mode, demo data.</summary>
internal static class Seeding
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
        var db = sp.GetRequiredService<AppDbContext>();
        await CatalogSeed.SeedAsync(db, ct);
        await Features.Inspections.ChecklistSeed.SeedAsync(db, ct);
        await Features.WorkOrders.Board.Search.SearchIndexBuild.EnsureBuiltAsync(db, ct);
        if (DemoMode.IsOn(config))
            await DemoData.SeedAsync(sp, ct);
    }
}

public static class DemoMode
{
    public static bool IsOn(IConfiguration config) => config.GetValue<bool>("Demo:Enabled");
}
