using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Admin;

/// <summary>Locking, unlocking and resetting passwords.</summary>
public sealed class UserLockTests
{
    [Fact]
    public async Task An_admin_may_not_lock_their_own_account()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "boss");
        var me = await app.UserAsync("boss");

        var response = await admin.PostFieldsAsync($"/Admin/Users/Edit/{me.Id}?handler=Lock", [], $"/Admin/Users/Edit/{me.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Text(".validation-summary-errors").ShouldContain("不能锁定自己的账户");
        page.QuerySelector("#Input_DisplayName")!.GetAttribute("value").ShouldBe("boss");
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_and_loses_the_open_session_until_unlocked()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var agent = await app.SignInAsync(Roles.Agent, userName: "zhaoliu");
        var user = await app.UserAsync("zhaoliu");
        var edit = $"/Admin/Users/Edit/{user.Id}";

        (await admin.PostFieldsAsync($"{edit}?handler=Lock", [], edit)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await admin.GetPageAsync("/Admin/Users")).Text("tr[data-user=zhaoliu] .state").ShouldBe("已锁定");
        var refused = await app.Anonymous().LoginAsync("zhaoliu", AppFactory.Password);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("账户已锁定");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await agent.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/Account/Login");

        (await admin.PostFieldsAsync($"{edit}?handler=Unlock", [], edit)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await admin.GetPageAsync("/Admin/Users")).Text("tr[data-user=zhaoliu] .state").ShouldBe("正常");
        (await app.Anonymous().LoginAsync("zhaoliu", AppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Unlocking_clears_the_failed_sign_in_count()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var user = await app.CreateUserAsync("sunqi", Roles.Agent);
        var visitor = app.Anonymous();
        for (var i = 0; i < 3; i++)
            await visitor.LoginAsync("sunqi", "wrong-password");
        (await app.UserAsync("sunqi")).AccessFailedCount.ShouldBe(3);
        var edit = $"/Admin/Users/Edit/{user.Id}";
        (await admin.GetPageAsync(edit)).Text("#account-state").ShouldContain("登录失败 3 次");

        await admin.PostFieldsAsync($"{edit}?handler=Unlock", [], edit);

        (await app.UserAsync("sunqi")).AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_resets_a_password_and_the_user_signs_in_with_the_new_one()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var user = await app.CreateUserAsync("forgetful", Roles.Technician);

        var tooShort = await admin.PostFormAsync($"/Admin/Users/Password/{user.Id}", new() { ["Input.Password"] = "a1" });
        var response = await admin.PostFormAsync($"/Admin/Users/Password/{user.Id}", new() { ["Input.Password"] = "fresh-pass-9" });

        tooShort.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await tooShort.Content.ReadAsStringAsync()).ShouldContain("新密码的长度应在8到200个字符之间");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Anonymous().LoginAsync("forgetful", AppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.Anonymous().LoginAsync("forgetful", "fresh-pass-9")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
