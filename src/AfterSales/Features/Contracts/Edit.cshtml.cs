using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>修改合同: its data and service terms; every changed term lands in the audit trail.</summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class EditModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Input = ContractForm.From(Contract);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var totalRead = Input.TryReadTotal(ModelState, out var totalFen);
        if (!ModelState.IsValid || !totalRead)
            return this.Invalid();
        await ContractSearch.EnsureNumberFreeAsync(db, Input.Number, id, ct);
        Contract.Update(
            Input.Number,
            Input.Title,
            totalFen,
            Input.SignedOn!.Value,
            Input.DeliveredOn,
            Input.FinalAcceptanceOn,
            Input.Terms.ToTerms()
        );
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("合同“{0}”已保存", Contract.Number);
        return this.SeeOther($"/Contracts/{id}");
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Contract = (await db.Contracts.Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, ct))!;
        return Contract is not null;
    }
}
