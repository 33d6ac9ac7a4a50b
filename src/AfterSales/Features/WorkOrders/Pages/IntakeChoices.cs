using AfterSales.Features.Assets;
using AfterSales.Features.Customers;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>A customer found by the intake search.</summary>
public sealed record CustomerMatch(long Id, string Name, string CreditCode, string? Phone)
{
    public static Task<List<CustomerMatch>> FindAsync(AppDbContext db, string q, CancellationToken ct) =>
        db
            .Customers.AsNoTracking()
            .Matching(q, null)
            .InListOrder()
            .Take(10)
            .Select(c => new CustomerMatch(
                c.Id,
                c.Name,
                c.CreditCode,
                c.Contacts.OrderByDescending(k => k.IsPrimary).ThenBy(k => k.Id).Select(k => k.Phone).FirstOrDefault()
            ))
            .ToListAsync(ct);
}

/// <summary>The assets at one site of the customer, as the intake form offers them.</summary>
public sealed record IntakeSite(string Name, string Address, List<IntakeAsset> Assets)
{
    public static async Task<List<IntakeSite>> ForCustomerAsync(AppDbContext db, Customer customer, DateOnly today, CancellationToken ct)
    {
        var assets = await db
            .Assets.AsNoTracking()
            .Include(a => a.ProductType)
            .Include(a => a.Contract)
            .Include(a => a.Site)
            .Where(a => a.CustomerId == customer.Id)
            .OrderBy(a => a.SiteId)
            .ThenBy(a => a.Id)
            .ToListAsync(ct);
        return
        [
            .. assets
                .GroupBy(a => a.SiteId)
                .Select(g => new IntakeSite(
                    g.First().Site!.Name,
                    g.First().Site!.Address,
                    [
                        .. g.Select(a => new IntakeAsset(
                            a.Id,
                            a.ProductType!.Name,
                            a.Location,
                            a.Contract!.Number,
                            Asset.WarrantyOn(a.Contract, today)
                        )),
                    ]
                )),
        ];
    }
}

public sealed record IntakeAsset(long Id, string ProductType, string Location, string ContractNumber, WarrantyStatus Warranty);
