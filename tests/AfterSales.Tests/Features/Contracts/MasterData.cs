using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Features.Demo;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>Arranges customers, contracts and assets directly in the database for the tests of these areas.</summary>
internal static class MasterData
{
    static int _sequence;

    public sealed record Arranged(long CustomerId, long SiteId);

    /// <summary>A customer with one site.</summary>
    public static Task<Arranged> CustomerAsync(this AppFactory app, string name = "杭州市第一中学", string siteName = "东校区") =>
        app.DbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _sequence);
            var code = DemoData.Code($"1233010047{n:0000000}");
            var customer = Customer.Create(name, code, CustomerCategory.School, null, null, app.Clock.GetUtcNow().UtcDateTime);
            var site = customer.AddSite(siteName, "杭州市上城区凤起路 235 号");
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return new Arranged(customer.Id, site.Id);
        });

    public static Task<long> ContractAsync(
        this AppFactory app,
        long customerId,
        string number,
        DateOnly? deliveredOn = null,
        ServiceTerms? terms = null,
        string title = "校园标识标牌及荣誉墙制作安装",
        long totalFen = 38_650_000
    ) =>
        app.DbAsync(async db =>
        {
            var signed = (deliveredOn ?? new DateOnly(2026, 1, 1)).AddMonths(-2);
            var contract = Contract.Create(
                customerId,
                number,
                title,
                totalFen,
                signed,
                deliveredOn,
                null,
                terms ?? ServiceTerms.TenderDefaults(),
                app.Clock.GetUtcNow().UtcDateTime
            );
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });

    public static Task<long> AssetAsync(
        this AppFactory app,
        long contractId,
        long siteId,
        string typeCode = "door-plate",
        string location = "教学楼 A 栋"
    ) =>
        app.DbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            var site = await db.Sites.SingleAsync(s => s.Id == siteId);
            var type = await db.ProductTypes.SingleAsync(t => t.Code == typeCode);
            var asset = Asset.Create(contract, site, type, 10, location, null, null, app.Clock.GetUtcNow().UtcDateTime);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });

    public static Task<long> ProductTypeIdAsync(this AppFactory app, string code) =>
        app.DbAsync(db => db.ProductTypes.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());
}
