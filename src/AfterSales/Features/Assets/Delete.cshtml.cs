using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>删除设备, after confirmation; the audit trail keeps what it was.</summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class DeleteModel(AppDbContext db) : PageModel
{
    public Asset Asset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        await AssetRemoval.RemoveAsync(db, Asset, ct);
        TempData["Flash"] = Texts.T("设备已删除");
        return this.SeeOther($"/Contracts/{Asset.ContractId}");
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var asset = await db.Assets.Include(a => a.ProductType).Include(a => a.Site).FirstOrDefaultAsync(a => a.Id == id, ct);
        Asset = asset!;
        return asset is not null;
    }
}
