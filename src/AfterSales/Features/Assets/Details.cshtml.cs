using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>One asset: what and where, its warranty today (the customer's today), documents and history.</summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    public Asset Asset { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit => me.CanEditMasterData;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var asset = await db
            .Assets.AsNoTracking()
            .Include(a => a.Contract)
                .ThenInclude(c => c!.Customer)
            .Include(a => a.Site)
            .Include(a => a.ProductType)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
            return NotFound();
        Asset = asset;
        Today = Display.Today(clock, asset.Contract!.Customer!.TimeZone);
        return Page();
    }
}
