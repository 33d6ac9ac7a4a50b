using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class CreateModel(AppDbContext db, UserAccounts accounts) : PageModel, IReloadsOnError
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public CustomerChoice Customers { get; private set; } = new(null, []);

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        var user = await accounts.CreateAsync(Input, ct);
        TempData["Flash"] = Texts.T("已创建用户“{0}”", user.UserName);
        return this.SeeOther($"/Admin/Users/Edit/{user.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct) => Customers = await CustomerChoice.LoadAsync(db, Input.CustomerId, null, ct);
}
