using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Users;

/// <summary>
/// The options of the organisation select on the user forms, filtered as the admin types: there
/// may be thousands of customers, so the select holds the chosen one plus the best matches.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class CustomerOptionsModel(AppDbContext db) : PageModel
{
    public CustomerChoice Choice { get; private set; } = new(null, []);

    public async Task<IActionResult> OnGetAsync(string? q, [FromQuery(Name = "Input.CustomerId")] long? selected, CancellationToken ct)
    {
        Choice = await CustomerChoice.LoadAsync(db, selected, q, ct);
        return Partial("_CustomerOptions", Choice);
    }
}

public sealed record CustomerChoice(long? Selected, IReadOnlyList<(long Id, string Name)> Options)
{
    public const int Shown = 30;

    public static async Task<CustomerChoice> LoadAsync(AppDbContext db, long? selected, string? search, CancellationToken ct)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var q = search.Trim();
            query = query.Where(c => c.Name.Contains(q) || c.CreditCode.Contains(q.ToUpperInvariant()));
        }
        var found = await query.OrderBy(c => c.Name).Take(Shown).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var options = found.Select(c => (c.Id, c.Name)).ToList();
        if (selected is { } s && options.All(o => o.Id != s))
        {
            var chosen = await db.Customers.Where(c => c.Id == s).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (chosen is not null)
                options.Insert(0, (s, chosen));
        }
        return new CustomerChoice(selected, options);
    }
}
