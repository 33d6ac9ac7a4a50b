using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Account;

public sealed class SignInTests
{
    [Fact]
    public async Task An_agent_signs_in_and_sees_the_start_page()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync("/");

        page.QuerySelector("#count-customers").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_chinese()
    {
        await using var app = new AppFactory();
        await app.CreateUserAsync("wang", Roles.Agent);

        var response = await app.Anonymous()
            .PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "wang", ["Input.Password"] = "wrong-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        await using var app = new AppFactory();
        await app.CreateUserAsync("li", Roles.Agent);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "li", ["Input.Password"] = "wrong-password" });

        var response = await client.PostFormAsync(
            "/Account/Login",
            new() { ["Input.UserName"] = "li", ["Input.Password"] = AppFactory.Password }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("账户已锁定");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        await agent.PostFormAsync("/Account/Logout", [], formPage: "/");
        var response = await agent.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_user_changes_the_password_and_signs_in_with_the_new_one()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent, userName: "zhao");

        var changed = await agent.PostFormAsync(
            "/Account/Manage/Password",
            new()
            {
                ["Input.Current"] = AppFactory.Password,
                ["Input.New"] = "New-pass-456",
                ["Input.Confirm"] = "New-pass-456",
            }
        );

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await app.Anonymous()
            .PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "zhao", ["Input.Password"] = "New-pass-456" });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Changing_the_password_with_a_wrong_current_one_is_refused()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.PostFormAsync(
            "/Account/Manage/Password",
            new()
            {
                ["Input.Current"] = "not-my-password",
                ["Input.New"] = "New-pass-456",
                ["Input.Confirm"] = "New-pass-456",
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("密码不正确");
    }
}
