using AfterSales.Features.Assets;
using AfterSales.Features.Catalog;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Features.Demo;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// <c>generate --inspection-contracts N --inspection-sites M</c>: data for the season-planning
/// benchmark. One customer per contract, the sites shared out evenly, two installed signs per
/// site, every contract delivered within the last year so that all of it is in free coverage.
/// </summary>
internal static class InspectionBenchData
{
    public static async Task<string> GenerateAsync(IServiceProvider sp, int contracts, int sites, CancellationToken ct)
    {
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var root = sp.GetRequiredService<AppDbContext>();
        var first = (int)(await root.Customers.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0) + 1;
        var types = await root.ProductTypes.Where(t => t.Group == ProductGroup.Signage).Select(t => t.Id).ToListAsync(ct);
        var perCustomer = Math.Max(1, sites / Math.Max(1, contracts));
        var made = (Contracts: 0, Sites: 0, Assets: 0);
        const int batch = 500;
        for (var offset = 0; offset < contracts; offset += batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditDisabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var customers = new List<Customer>();
            for (var i = offset; i < Math.Min(contracts, offset + batch); i++)
            {
                var n = first + i;
                var c = Customer.Create(
                    $"巡检基准单位（{n:D6}）",
                    DemoData.Code($"92{330100 + n % 900:D6}{n:D9}"),
                    CustomerCategory.Government,
                    null,
                    null,
                    now
                );
                for (var s = 0; s < perCustomer; s++)
                    c.AddSite($"地点{s + 1}", $"某路 {s + 1} 号");
                customers.Add(c);
            }
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync(ct);
            var signed = customers
                .Select(
                    (c, i) =>
                    {
                        var delivered = today.AddDays(-(10 + (offset + i) % 300));
                        return Contract.Create(
                            c.Id,
                            $"INSP-{c.Id:D7}",
                            "标识标牌制作安装",
                            10_000_000,
                            delivered.AddDays(-30),
                            delivered,
                            null,
                            ServiceTerms.TenderDefaults(),
                            now
                        );
                    }
                )
                .ToList();
            db.Contracts.AddRange(signed);
            await db.SaveChangesAsync(ct);
            var typeRows = await db.ProductTypes.Where(t => types.Contains(t.Id)).ToListAsync(ct);
            var assets = new List<Asset>();
            for (var i = 0; i < customers.Count; i++)
            {
                foreach (var site in customers[i].Sites)
                {
                    for (var a = 0; a < 2; a++)
                        assets.Add(
                            Asset.Create(
                                signed[i],
                                site,
                                typeRows[(int)((site.Id + a) % typeRows.Count)],
                                1,
                                $"{a + 1} 号位",
                                signed[i].DeliveredOn,
                                null,
                                now
                            )
                        );
                }
            }
            db.Assets.AddRange(assets);
            await db.SaveChangesAsync(ct);
            made = (made.Contracts + signed.Count, made.Sites + customers.Sum(c => c.Sites.Count), made.Assets + assets.Count);
        }
        return $"Generated {made.Contracts} contracts, {made.Sites} sites, {made.Assets} assets.";
    }
}
