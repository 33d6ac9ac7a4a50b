using System.ComponentModel.DataAnnotations;
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

namespace AfterSales.Features.Contracts;

/// <summary>新建合同 for a customer (preselected when coming from its archive card), with the tender's terms filled in.</summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class NewModel(AppDbContext db, TimeProvider clock) : PageModel, IReloadsOnError
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "用户单位")]
    public long? CustomerId { get; set; }

    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public List<SelectListItem> Customers { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    /// <summary>The customer options matching the search box (htmx).</summary>
    public async Task<IActionResult> OnGetCustomersAsync(string? customerQuery, CancellationToken ct) =>
        Partial("_CustomerOptions", await CustomerPicker.OptionsAsync(db, customerQuery, CustomerId, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var customer = CustomerId is { } id ? await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (customer is null)
            ModelState.AddModelError(nameof(CustomerId), Texts.T("请选择用户单位"));
        var totalRead = Input.TryReadTotal(ModelState, out var totalFen);
        if (!ModelState.IsValid || !totalRead || customer is null)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        await ContractSearch.EnsureNumberFreeAsync(db, Input.Number, null, ct);
        var contract = Contract.Create(
            customer.Id,
            Input.Number,
            Input.Title,
            totalFen,
            Input.SignedOn!.Value,
            Input.DeliveredOn,
            Input.FinalAcceptanceOn,
            Input.Terms.ToTerms(),
            clock.GetUtcNow().UtcDateTime
        );
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("合同“{0}”已保存", contract.Number);
        return this.SeeOther($"/Contracts/{contract.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct) => Customers = await CustomerPicker.OptionsAsync(db, null, CustomerId, ct);
}
