using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Catalog;

/// <summary>产品目录: every product type, active or not, in catalog order. Managers and admins edit it.</summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public List<ProductType> Types { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, Policies.EditCatalog)).Succeeded;
        Types = await db.ProductTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
    }
}
