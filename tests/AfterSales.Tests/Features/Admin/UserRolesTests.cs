using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Admin;

/// <summary>Who may hold which roles, and who may administer at all.</summary>
public sealed class UserRolesTests
{
    const string NewPassword = "start-pass-1";
    static readonly string[] AuditScope = [Policies.ReadAudit];

    [Fact]
    public async Task A_customer_user_without_an_organisation_is_refused_and_nothing_is_saved()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await app.SnapshotAsync();

        var response = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("nobody", NewPassword, null, Roles.Customer)
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户单位联系人必须选择所属用户单位");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_customer_user_cannot_also_hold_a_staff_role()
    {
        await using var app = new AppFactory();
        var customerId = await app.CreateCustomerAsync();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await app.SnapshotAsync();

        var response = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("mixed", NewPassword, customerId, Roles.Customer, Roles.Agent)
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.QuerySelector("#roles")!.TextContent.ShouldContain("用户单位联系人不能同时拥有内部员工的角色");
        // The form comes back as typed, with the chosen organisation still selected.
        page.QuerySelector("#Input_UserName")!.GetAttribute("value").ShouldBe("mixed");
        page.QuerySelector("#Input_CustomerId option[selected]")!.GetAttribute("value").ShouldBe(customerId.ToString());
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "boss");
        var me = await app.UserAsync("boss");
        var before = await app.SnapshotAsync();

        var response = await admin.PostFieldsAsync(
            $"/Admin/Users/Edit/{me.Id}",
            [("Input.DisplayName", "boss"), ("Input.Roles", Roles.Agent), ("Input.CustomerId", "")]
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不能移除自己的系统管理员角色");
        (await app.RolesOfAsync("boss")).ShouldBe([Roles.Admin]);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Auditor)]
    public async Task Anyone_but_an_admin_is_denied_the_user_and_key_pages_and_the_admin_api(string role)
    {
        await using var app = new AppFactory();
        var client = await app.SignInAsync(role);
        var target = await app.CreateUserAsync("target", Roles.Agent);

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/Edit/{target.Id}", "/Admin/ApiKeys" })
        {
            var page = await client.GetAsync(url);
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            page.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        }
        (await client.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostJsonAsync("/api/v1/api-keys", new { name = "x", scopes = AuditScope })).StatusCode.ShouldBe(
            HttpStatusCode.Forbidden
        );
    }
}
