using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Users;

/// <summary>One account: display name, email, roles and organisation; lock and unlock.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users, UserAccounts accounts, TimeProvider clock, CurrentUser me)
    : PageModel,
        IReloadsOnError
{
    bool _posted;

    public UserInput Input { get; private set; } = new();

    public AppUser Account { get; private set; } = null!;

    public CustomerChoice Customers { get; private set; } = new(null, []);

    public bool Locked { get; private set; }

    public bool IsSelf => Account.Id == me.UserId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    // The three forms post different fields, so the profile form binds by parameter, not by property.
    public async Task<IActionResult> OnPostAsync(string id, [Bind(Prefix = "Input")] UserInput input, CancellationToken ct)
    {
        (Input, _posted) = (input, true);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return this.Invalid();
        }
        await accounts.UpdateAsync(id, input, ct);
        TempData["Flash"] = Texts.T("已保存");
        return this.SeeOther($"/Admin/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct)
    {
        await accounts.LockAsync(id, ct);
        TempData["Flash"] = Texts.T("账户已锁定");
        return this.SeeOther($"/Admin/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        await accounts.UnlockAsync(id, ct);
        TempData["Flash"] = Texts.T("账户已解锁");
        return this.SeeOther($"/Admin/Users/Edit/{id}");
    }

    public Task ReloadAsync(CancellationToken ct) => LoadAsync((string)RouteData.Values["id"]!, ct);

    async Task LoadAsync(string id, CancellationToken ct)
    {
        // Re-read after a refused change: the tracked account may hold what was refused.
        db.ChangeTracker.Clear();
        Account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        Locked = UserAccounts.IsLocked(Account, clock.GetUtcNow().UtcDateTime);
        if (!_posted)
        {
            Input = new UserInput
            {
                DisplayName = Account.DisplayName,
                Email = Account.Email,
                CustomerId = Account.CustomerId,
                Roles = [.. await users.GetRolesAsync(Account)],
            };
        }
        Customers = await CustomerChoice.LoadAsync(db, Input.CustomerId, null, ct);
    }
}
