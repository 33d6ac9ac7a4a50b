using AfterSales.Features.Assets;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>
/// One contract: its terms, the coverage periods they derive and whether each is running today
/// (today in the customer's time zone), the assets it covers, its documents and history.
/// </summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    public Contract Contract { get; private set; } = null!;
    public CoveragePeriods Coverage { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public List<Asset> Assets { get; private set; } = [];
    public bool CanEdit => me.CanEditMasterData;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return NotFound();
        Contract = contract;
        Coverage = contract.Coverage;
        Today = Display.Today(clock, contract.Customer!.TimeZone);
        Assets = await db
            .Assets.AsNoTracking()
            .Include(a => a.Site)
            .Include(a => a.ProductType)
            .Where(a => a.ContractId == id)
            .OrderBy(a => a.Site!.Name)
            .ThenBy(a => a.ProductType!.SortOrder)
            .ThenBy(a => a.Id)
            .ToListAsync(ct);
        return Page();
    }
}
