using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features;

/// <summary>Start page: staff see the size of what they look after; a customer goes to its archive card.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public int Customers { get; private set; }
    public int Contracts { get; private set; }
    public int Assets { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.IsCustomer)
            return Redirect($"/Customers/{me.CustomerId}");
        Customers = await db.Customers.CountAsync(ct);
        Contracts = await db.Contracts.CountAsync(ct);
        Assets = await db.Assets.CountAsync(ct);
        return Page();
    }
}
