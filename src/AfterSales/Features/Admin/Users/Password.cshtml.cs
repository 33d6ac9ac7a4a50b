using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Users;

/// <summary>An admin sets a new password for someone who forgot theirs; their open sessions end.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class PasswordModel(AppDbContext db, UserAccounts accounts) : PageModel, IReloadsOnError
{
    [BindProperty]
    public PasswordResetInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public async Task OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return this.Invalid();
        }
        await accounts.ResetPasswordAsync(id, Input.Password, ct);
        TempData["Flash"] = Texts.T("密码已重置");
        return this.SeeOther($"/Admin/Users/Edit/{id}");
    }

    public Task ReloadAsync(CancellationToken ct) => LoadAsync((string)RouteData.Values["id"]!, ct);

    async Task LoadAsync(string id, CancellationToken ct) =>
        UserName = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
}
