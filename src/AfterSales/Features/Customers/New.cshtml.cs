using AfterSales.Platform.Auth;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Customers;

/// <summary>The form of a customer, shared by the new and the edit page.</summary>
public interface ICustomerForm
{
    CustomerInput Input { get; }

    /// <summary>The code typed is well formed but its check character does not match: warn and ask.</summary>
    bool ChecksumFails => CreditCode.Check(Input.CreditCode) == CreditCodeCheck.ChecksumFails;
}

[Authorize(Policy = Policies.EditMasterData)]
public sealed class NewCustomerModel(CustomerEditor editor) : PageModel, ICustomerForm
{
    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        if (CustomerEditor.NeedsChecksumConfirmation(Input, null))
            return ChecksumUnconfirmed(this);
        var customer = await editor.CreateAsync(Input, ct);
        TempData["Flash"] = Texts.T("已创建用户单位“{0}”", customer.Name);
        return this.SeeOther($"/Customers/{customer.Id}");
    }

    internal static IActionResult ChecksumUnconfirmed(PageModel page)
    {
        page.ModelState.AddModelError(
            $"Input.{nameof(CustomerInput.CreditCode)}",
            Texts.T("统一社会信用代码校验位不符，请核对；确认无误请勾选“仍然保存”后再提交")
        );
        return page.Invalid();
    }
}
