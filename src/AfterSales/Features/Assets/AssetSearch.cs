using AfterSales.Features.Contracts;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Assets;

/// <summary>What the asset list page and the API filter by, in one place.</summary>
public sealed record AssetSearch(
    string? Text = null,
    long? CustomerId = null,
    long? ContractId = null,
    long? SiteId = null,
    long? ProductTypeId = null,
    WarrantyStatus? Warranty = null
)
{
    public const int PageSize = 20;

    /// <summary>Location, site, product type (either language) or customer name containing the text.</summary>
    public IQueryable<Asset> Apply(AppDbContext db, IQueryable<Asset> assets, DateOnly today)
    {
        if (CustomerId is { } customer)
            assets = assets.Where(a => a.CustomerId == customer);
        if (ContractId is { } contract)
            assets = assets.Where(a => a.ContractId == contract);
        if (SiteId is { } site)
            assets = assets.Where(a => a.SiteId == site);
        if (ProductTypeId is { } type)
            assets = assets.Where(a => a.ProductTypeId == type);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var t = Text.Trim();
            var upper = t.ToUpperInvariant();
            assets = assets.Where(a =>
                a.Location.Contains(t)
                || a.Site!.Name.Contains(t)
                || a.ProductType!.Name.Contains(t)
                || a.ProductType.NameEn.ToUpper().Contains(upper)
                || a.Contract!.Customer!.Name.Contains(t)
            );
        }
        if (Warranty is not null)
        {
            // The warranty is the contract's: filter by the ids of contracts in that status.
            var contracts = db.Contracts.WithWarranty(Warranty, today).Select(c => c.Id);
            assets = assets.Where(a => contracts.Contains(a.ContractId));
        }
        return assets;
    }
}
