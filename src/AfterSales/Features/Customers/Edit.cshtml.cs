using AfterSales.Platform.Auth;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Customers;

[Authorize(Policy = Policies.EditMasterData)]
public sealed class EditCustomerModel(CustomerEditor editor) : PageModel, ICustomerForm
{
    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    public long Id { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        Input = CustomerInput.From(await editor.FindAsync(id, ct));
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        var customer = await editor.FindAsync(id, ct);
        if (!ModelState.IsValid)
            return this.Invalid();
        if (CustomerEditor.NeedsChecksumConfirmation(Input, customer))
            return NewCustomerModel.ChecksumUnconfirmed(this);
        await editor.UpdateAsync(customer, Input, ct);
        TempData["Flash"] = Texts.T("已保存用户单位“{0}”", customer.Name);
        return this.SeeOther($"/Customers/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        Id = id;
        var customer = await editor.FindAsync(id, ct);
        // Shown again with the refusal, if there is one.
        Input = CustomerInput.From(customer);
        ModelState.Clear();
        await editor.DeleteAsync(id, ct);
        TempData["Flash"] = Texts.T("已删除用户单位“{0}”", customer.Name);
        return this.SeeOther("/Customers");
    }
}
