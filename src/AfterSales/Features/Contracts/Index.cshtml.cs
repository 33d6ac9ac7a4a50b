using System.Globalization;
using AfterSales.Features.Assets;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>合同列表: search by number, title or customer, filter by warranty status; htmx swaps the rows.</summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public WarrantyStatus? Warranty { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? CustomerId { get; set; }

    /// <summary>Page number; "page" itself is a Razor Pages route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => ListPager.CountPages(Total, ContractSearch.PageSize);
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool CanEdit => me.CanEditMasterData;

    public sealed record Row(Contract Contract, string CustomerName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // One day for the whole list, so that the filter and the badges agree.
        Today = Display.Today(clock);
        var query = db.Contracts.AsNoTracking().Matching(Q, CustomerId, Warranty, Today);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await query
            .Newest()
            .Skip((PageNumber - 1) * ContractSearch.PageSize)
            .Take(ContractSearch.PageSize)
            .Select(c => new { Contract = c, CustomerName = c.Customer!.Name })
            .ToListAsync(ct);
        Rows = [.. page.Select(r => new Row(r.Contract, r.CustomerName))];
        return this.PageOrPartial("_Rows");
    }

    /// <summary>This list's address showing another page, for the pager.</summary>
    public string PageUrl(int pageNumber)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["warranty"] = Warranty?.ToString(),
            ["customerId"] = CustomerId?.ToString(CultureInfo.InvariantCulture),
            ["p"] = pageNumber.ToString(CultureInfo.InvariantCulture),
        };
        return "/Contracts" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
