using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Admin;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Localization;

/// <summary>Chinese by default; English chosen on any page and remembered; the API follows Accept-Language.</summary>
public sealed class LanguageTests
{
    static readonly string[] AuditScope = [Policies.ReadAudit];

    static Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl) =>
        client.PostFormAsync("/Account/Language", new() { ["culture"] = culture, ["returnUrl"] = returnUrl }, formPage: returnUrl);

    [Fact]
    public async Task Switching_to_english_turns_the_login_and_start_pages_english_and_is_remembered()
    {
        await using var app = new AppFactory();
        await app.CreateUserAsync("wang", Roles.Agent);
        var client = app.Anonymous();
        (await client.GetPageAsync("/Account/Login")).Text("h1").ShouldBe("登录");

        var switched = await SwitchAsync(client, "en", "/Account/Login");

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe("/Account/Login");
        var login = await client.GetPageAsync("/Account/Login");
        login.DocumentElement.GetAttribute("lang").ShouldBe("en");
        login.Text("h1").ShouldBe("Sign in");
        login.Text("label[for=Input_UserName]").ShouldBe("User name");
        (await client.LoginAsync("wang", AppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var start = await client.GetPageAsync("/");
        start.Text("h1").ShouldBe("Welcome, wang");
        start.Text("nav").ShouldContain("Customers");
        start.Text("#switch-language").ShouldBe("中文");
        (await client.GetPageAsync("/Account/Manage/Password")).Text("h1").ShouldBe("Change password");

        await SwitchAsync(client, "zh-CN", "/");

        (await client.GetPageAsync("/")).Text("h1").ShouldBe("欢迎，wang");
    }

    [Fact]
    public async Task A_browser_asking_for_english_still_gets_chinese_pages_until_the_user_switches()
    {
        await using var app = new AppFactory();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        (await client.GetPageAsync("/Account/Login")).Text("h1").ShouldBe("登录");
    }

    [Fact]
    public async Task Validation_messages_on_a_page_are_english_after_switching()
    {
        await using var app = new AppFactory();
        var client = app.Anonymous();
        await SwitchAsync(client, "en", "/Account/Login");

        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Text(".validation-summary-errors").ShouldContain("Please enter User name");
        page.Text(".validation-summary-errors").ShouldContain("Please enter Password");
    }

    [Fact]
    public async Task Rule_refusals_and_role_names_on_the_admin_pages_are_english_after_switching()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await SwitchAsync(admin, "en", "/Admin/Users");

        var refused = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("x1", "start-pass-1", null, Roles.Customer)
        );
        var list = await admin.GetPageAsync("/Admin/Users");

        (await refused.ParseAsync()).Text("#roles").ShouldNotContain("用户单位");
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("用户单位联系人必须");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        list.Text("h1").ShouldBe("Users");
        list.Text("#users tbody .roles").ShouldBe("Administrator");
    }

    [Fact]
    public async Task The_not_found_page_is_english_after_switching()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await SwitchAsync(admin, "en", "/");

        var response = await admin.GetAsync("/Admin/Users/Edit/no-such-user");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ParseAsync()).Text("h1").ShouldBe("Page not found");
    }

    [Fact]
    public async Task The_api_answers_problems_in_the_language_of_accept_language()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var invalid = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "", scopes = AuditScope });
        var refused = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "ERP", scopes = Array.Empty<string>() });
        var missing = await admin.PostJsonAsync("/api/v1/api-keys/404/revoke", new { });

        (await invalid.ReadJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Please enter Name");
        var problem = await refused.ReadJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("The submission has errors");
        problem.GetProperty("errors").GetProperty("scopes")[0].GetString().ShouldBe("Choose at least one scope");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.ReadJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Not found");
    }

    [Fact]
    public async Task The_api_answers_in_chinese_by_default()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var invalid = await admin.PostJsonAsync("/api/v1/api-keys", new { name = "", scopes = AuditScope });

        (await invalid.ReadJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("请填写名称");
    }
}
