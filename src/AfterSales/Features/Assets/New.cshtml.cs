using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Contracts;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>
/// 添加设备: first the customer (given, or taken from the contract), then the form with that
/// customer's contracts and sites only.
/// </summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class NewModel(AppDbContext db, TimeProvider clock) : PageModel, IAssetFormPage, IReloadsOnError
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "用户单位")]
    public long? CustomerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ContractId { get; set; }

    [BindProperty]
    public AssetFields Input { get; set; } = new();

    public string? CustomerName { get; private set; }
    public AssetFormOptions Options { get; private set; } = AssetFormOptions.None;
    public List<SelectListItem> Customers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ContractId is { } contractId && await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, ct) is { } contract)
        {
            CustomerId ??= contract.CustomerId;
            Input.ContractId = contract.Id;
            Input.InstalledOn = contract.DeliveredOn;
        }
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (CustomerName is null)
            ModelState.AddModelError(nameof(CustomerId), Texts.T("请选择用户单位"));
        if (!ModelState.IsValid)
            return this.Invalid();
        var asset = await Input.CreateAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        // The form offers this customer's contracts only; a forged one is refused like a missing one.
        if (asset.CustomerId != CustomerId)
            throw DomainException.For(nameof(AssetFields.ContractId), "合同不属于该用户单位");
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("设备已保存");
        return this.SeeOther($"/Assets/{asset.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        CustomerName = CustomerId is { } id ? await db.Customers.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        if (CustomerName is null)
            Customers = await CustomerPicker.OptionsAsync(db, null, null, ct);
        else
            Options = await AssetFormOptions.LoadAsync(db, CustomerId!.Value, null, ct);
    }
}
