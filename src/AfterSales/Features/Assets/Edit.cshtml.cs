using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>修改设备: within its customer (the entity refuses another customer's contract or site).</summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class EditModel(AppDbContext db) : PageModel, IAssetFormPage, IReloadsOnError
{
    [BindProperty]
    public AssetFields Input { get; set; } = new();

    public Asset Asset { get; private set; } = null!;
    public string CustomerName { get; private set; } = "";
    public AssetFormOptions Options { get; private set; } = AssetFormOptions.None;
    public long? CustomerId => Asset.CustomerId;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Input = AssetFields.From(Asset);
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        await Input.UpdateAsync(Asset, db, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("设备已保存");
        return this.SeeOther($"/Assets/{id}");
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Options = await AssetFormOptions.LoadAsync(db, Asset.CustomerId, Asset.ProductTypeId, ct);

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
            return false;
        Asset = asset;
        CustomerName = await db.Customers.Where(c => c.Id == asset.CustomerId).Select(c => c.Name).FirstAsync(ct);
        return true;
    }
}
