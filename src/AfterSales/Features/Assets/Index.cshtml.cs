using System.Globalization;
using AfterSales.Features.Catalog;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>设备列表: search by location, product type or customer; filter by product type and warranty status.</summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ProductTypeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public WarrantyStatus? Warranty { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? CustomerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ContractId { get; set; }

    /// <summary>Page number; "page" itself is a Razor Pages route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => ListPager.CountPages(Total, AssetSearch.PageSize);
    public DateOnly Today { get; private set; }
    public List<Asset> Rows { get; private set; } = [];
    public List<ProductType> ProductTypes { get; private set; } = [];
    public bool CanEdit => me.CanEditMasterData;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // One day for the whole list, so that the filter and the badges agree.
        Today = Display.Today(clock);
        var search = new AssetSearch(Q, CustomerId, ContractId, null, ProductTypeId, Warranty);
        var query = search.Apply(db, db.Assets.AsNoTracking(), Today);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderByDescending(a => a.Id)
            .Include(a => a.Contract)
                .ThenInclude(c => c!.Customer)
            .Include(a => a.Site)
            .Include(a => a.ProductType)
            .Skip((PageNumber - 1) * AssetSearch.PageSize)
            .Take(AssetSearch.PageSize)
            .ToListAsync(ct);
        if (!Request.IsHtmx())
            ProductTypes = await db.ProductTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        return this.PageOrPartial("_Rows");
    }

    /// <summary>This list's address showing another page, for the pager.</summary>
    public string PageUrl(int pageNumber)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["productTypeId"] = ProductTypeId?.ToString(CultureInfo.InvariantCulture),
            ["warranty"] = Warranty?.ToString(),
            ["customerId"] = CustomerId?.ToString(CultureInfo.InvariantCulture),
            ["contractId"] = ContractId?.ToString(CultureInfo.InvariantCulture),
            ["p"] = pageNumber.ToString(CultureInfo.InvariantCulture),
        };
        return "/Assets" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
