using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>
/// 顾客档案卡 (DESIGN §2, promise 3): everything about one customer on one printable page.
/// A customer user reaches only its own; any other id is a 404 through the query filter.
/// </summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class CustomerCardModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    public Customer Customer { get; private set; } = null!;
    public List<Contract> Contracts { get; private set; } = [];
    public List<SiteAssets> AssetsBySite { get; private set; } = [];

    public HashSet<long> AssetsWithPhotos { get; private set; } = [];

    /// <summary>"Today" where the customer is: coverage ends at the end of its own day.</summary>
    public DateOnly Today { get; private set; }
    public bool CanEdit => me.CanEditMasterData;
    public bool IsStaff => me.IsStaff;
    public bool ChecksumFails => CreditCode.Check(Customer.CreditCode) == CreditCodeCheck.ChecksumFails;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var customer = await db
            .Customers.AsNoTracking()
            .Include(c => c.Contacts)
            .Include(c => c.Sites)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
            return NotFound();
        Customer = customer;
        Today = Display.Today(clock, customer.TimeZone);
        Contracts = await db
            .Contracts.AsNoTracking()
            .Where(c => c.CustomerId == id)
            .OrderByDescending(c => c.SignedOn)
            .ThenBy(c => c.Number)
            .ToListAsync(ct);
        var assets = await db
            .Assets.AsNoTracking()
            .Include(a => a.ProductType)
            .Where(a => a.CustomerId == id)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var contracts = Contracts.ToDictionary(c => c.Id);
        // Assets with an installation photo set show it on the card (DESIGN §2, promise 13).
        var assetIds = assets.Select(a => a.Id).ToList();
        AssetsWithPhotos =
        [
            .. await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.Asset && d.Kind == DocumentKind.InstallationPhoto && assetIds.Contains(d.OwnerId))
                .Select(d => d.OwnerId)
                .Distinct()
                .ToListAsync(ct),
        ];
        AssetsBySite =
        [
            .. customer
                .Sites.OrderBy(s => s.Id)
                .Select(s => new SiteAssets(
                    s,
                    [
                        .. assets
                            .Where(a => a.SiteId == s.Id)
                            .Select(a => new AssetLine(a, contracts[a.ContractId], Asset.WarrantyOn(contracts[a.ContractId], Today))),
                    ]
                ))
                .Where(g => g.Assets.Count > 0),
        ];
        return Page();
    }
}

public sealed record SiteAssets(Site Site, List<AssetLine> Assets);

public sealed record AssetLine(Asset Asset, Contract Contract, WarrantyStatus Warranty);
