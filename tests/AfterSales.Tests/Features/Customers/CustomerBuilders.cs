using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Customers;

/// <summary>Arranges customers, contracts and assets directly in the database, through the entities' own factories.</summary>
public static class CustomerBuilders
{
    static int _next;

    /// <summary>A fresh, valid credit code.</summary>
    public static string ValidCode()
    {
        var first17 = $"91330100MA{Interlocked.Increment(ref _next) % 10_000_000:D7}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>A well-formed code whose check character is wrong.</summary>
    public static string FailingCode()
    {
        var valid = ValidCode();
        return valid[..17] + (valid[17] == '0' ? '1' : '0');
    }

    public static async Task<Customer> AddCustomerAsync(
        this AppFactory app,
        string name,
        CustomerCategory category = CustomerCategory.School,
        string? code = null,
        Action<Customer>? arrange = null,
        string? timeZone = null
    ) =>
        await app.DbAsync(async db =>
        {
            var customer = Customer.Create(name, code ?? ValidCode(), category, timeZone, null, app.Clock.GetUtcNow().UtcDateTime);
            arrange?.Invoke(customer);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });

    public static async Task<Contract> AddContractAsync(
        this AppFactory app,
        long customerId,
        string number,
        DateOnly signedOn,
        DateOnly? deliveredOn = null,
        DateOnly? finalAcceptanceOn = null,
        long totalFen = 10_000_000,
        ServiceTerms? terms = null
    ) =>
        await app.DbAsync(async db =>
        {
            var contract = Contract.Create(
                customerId,
                number,
                $"{number} 标识标牌",
                totalFen,
                signedOn,
                deliveredOn,
                finalAcceptanceOn,
                terms ?? ServiceTerms.TenderDefaults(),
                app.Clock.GetUtcNow().UtcDateTime
            );
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            return contract;
        });

    public static async Task<Asset> AddAssetAsync(
        this AppFactory app,
        Contract contract,
        long siteId,
        string productCode,
        int quantity,
        string location,
        DateOnly? installedOn = null
    ) =>
        await app.DbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Id == siteId);
            var type = await db.ProductTypes.SingleAsync(t => t.Code == productCode);
            var asset = Asset.Create(contract, site, type, quantity, location, installedOn, null, app.Clock.GetUtcNow().UtcDateTime);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset;
        });
}
