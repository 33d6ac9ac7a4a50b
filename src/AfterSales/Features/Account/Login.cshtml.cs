using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Demo;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, IConfiguration config) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => Platform.Data.DemoMode.IsOn(config);

    public IReadOnlyList<(string User, string Role)> DemoLogins => DemoData.Logins;

    public string DemoPassword => DemoData.Password;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", Texts.T("登录失败次数过多，账户已锁定，请15分钟后再试"));
            return this.Invalid();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", Texts.T("用户名或密码不正确"));
            return this.Invalid();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

public sealed class LoginInput
{
    [Required, StringLength(100), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required, StringLength(200), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [Display(Name = "记住我")]
    public bool RememberMe { get; set; }
}
