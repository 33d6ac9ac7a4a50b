using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders;

/// <summary>A customer with a delivered contract (7x24, tender terms) and one billboard, for work-order tests.</summary>
public sealed record WorkOrderWorld(long CustomerId, long ContractId, long AssetId, long OtherCustomerAssetId)
{
    public static async Task<WorkOrderWorld> ArrangeAsync(AppFactory app, ServiceTerms? terms = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return await app.DbAsync(async db =>
        {
            var type = await db.ProductTypes.FirstAsync(t => t.Code == "billboard");
            var ids = new List<long>();
            foreach (var (name, code) in new[] { ("杭州市第一中学", "12330100470111234"), ("宁波市人民医院", "12330200470111235") })
            {
                var c = Customer.Create(name, code + CreditCode.CheckCharacter(code), CustomerCategory.School, null, null, now);
                var site = c.AddSite("主校区", "某路 1 号");
                db.Customers.Add(c);
                await db.SaveChangesAsync();
                var contract = Contract.Create(
                    c.Id,
                    $"HT-{code[^4..]}",
                    "标识标牌",
                    10_000_000,
                    new DateOnly(2025, 1, 1),
                    new DateOnly(2025, 3, 1),
                    new DateOnly(2025, 4, 1),
                    terms ?? ServiceTerms.TenderDefaults(),
                    now
                );
                db.Contracts.Add(contract);
                await db.SaveChangesAsync();
                var asset = Asset.Create(contract, site, type, 1, "正门", new DateOnly(2025, 3, 1), null, now);
                db.Assets.Add(asset);
                await db.SaveChangesAsync();
                ids.AddRange([c.Id, contract.Id, asset.Id]);
            }
            return new WorkOrderWorld(ids[0], ids[1], ids[2], ids[5]);
        });
    }
}
