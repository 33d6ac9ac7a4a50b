using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Account.Manage;

/// <summary>Every signed-in user changes their own password here.</summary>
[Authorize]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", e.Description);
            return this.Invalid();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = Texts.T("密码已修改");
        return Redirect("/");
    }
}

public sealed class PasswordInput
{
    [Required, DataType(DataType.Password), Display(Name = "当前密码")]
    public string Current { get; set; } = "";

    [Required, StringLength(200, MinimumLength = 8), DataType(DataType.Password), Display(Name = "新密码")]
    public string New { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(New)), Display(Name = "确认新密码")]
    public string Confirm { get; set; } = "";
}
