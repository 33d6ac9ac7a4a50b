using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>用户单位 list: search as you type, filter by category, 20 per page.</summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class CustomerListModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CustomerCategory? Category { get; set; }

    public int PageNumber { get; private set; } = 1;

    public List<CustomerRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public bool CanEdit => me.CanEditMasterData;

    // "page" is also Razor Pages' own route value (the page's name), so it is read from the query alone.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        // A customer user has exactly one customer: its own archive card.
        if (me.IsCustomer)
            return Redirect($"/Customers/{me.CustomerId}");
        var (page, size) = CustomerSearch.Clamp(pageNumber, CustomerSearch.DefaultPageSize);
        var matching = db.Customers.AsNoTracking().Matching(Q, Category);
        Total = await matching.CountAsync(ct);
        PageCount = Math.Max(1, (Total + size - 1) / size);
        PageNumber = Math.Min(page, PageCount);
        Rows = await matching
            .InListOrder()
            .Skip((PageNumber - 1) * size)
            .Take(size)
            .Select(c => new CustomerRow(
                c.Id,
                c.Name,
                c.CreditCode,
                c.Category,
                c.Contacts.Where(k => k.IsPrimary).Select(k => k.Name).FirstOrDefault(),
                c.Contacts.Where(k => k.IsPrimary).Select(k => k.Phone).FirstOrDefault(),
                c.Sites.Count
            ))
            .ToListAsync(ct);
        return this.PageOrPartial("_Rows");
    }

    /// <summary>The list URL for another page, keeping the search and the filter.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Q))
            query["q"] = Q.Trim();
        if (Category is { } c)
            query["category"] = c.ToString();
        if (page > 1)
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Customers", query);
    }
}

public sealed record CustomerRow(
    long Id,
    string Name,
    string CreditCode,
    CustomerCategory Category,
    string? PrimaryContact,
    string? PrimaryPhone,
    int SiteCount
)
{
    public bool ChecksumFails => Customers.CreditCode.Check(CreditCode) == CreditCodeCheck.ChecksumFails;
}
