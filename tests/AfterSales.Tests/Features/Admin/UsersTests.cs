using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Admin;

public sealed class UsersTests
{
    const string NewPassword = "start-pass-1";
    static readonly string[] AuditScope = [Policies.ReadAudit];

    [Fact]
    public async Task An_admin_creates_a_user_with_roles_who_can_then_sign_in()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var response = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("zhangsan", NewPassword, null, Roles.Agent, Roles.Dispatcher)
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await app.UserAsync("zhangsan");
        response.Headers.Location!.ToString().ShouldBe($"/Admin/Users/Edit/{user.Id}");
        user.DisplayName.ShouldBe("zhangsan 显示名");
        (await app.RolesOfAsync("zhangsan")).ShouldBe([Roles.Agent, Roles.Dispatcher]);
        (await app.Anonymous().LoginAsync("zhangsan", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await admin.GetPageAsync("/Admin/Users?q=zhangs");
        list.QuerySelector("tr[data-user=zhangsan] .roles")!.TextContent.ShouldBe("客服专员、调度");
    }

    [Fact]
    public async Task The_list_searches_by_user_name_and_display_name()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await app.CreateUserAsync("liuyang", Roles.Technician);
        await app.CreateUserAsync("chenjing", Roles.Expert);

        var found = await admin.GetPageAsync("/Admin/Users?q=LIU");

        found.QuerySelectorAll("tr[data-user]").Select(r => r.GetAttribute("data-user")).ShouldBe(["liuyang"]);
        var rows = await admin.GetHtmxAsync("/Admin/Users?q=chen");
        var html = await rows.Content.ReadAsStringAsync();
        html.ShouldContain("chenjing");
        html.ShouldNotContain("<html");
    }

    [Fact]
    public async Task A_customer_user_is_created_with_the_organisation_and_shown_with_it()
    {
        await using var app = new AppFactory();
        var customerId = await app.CreateCustomerAsync("浙江省人民医院");
        var admin = await app.SignInAsync(Roles.Admin);

        var response = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("hospital", NewPassword, customerId, Roles.Customer)
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UserAsync("hospital")).CustomerId.ShouldBe(customerId);
        var list = await admin.GetPageAsync("/Admin/Users");
        list.QuerySelector("tr[data-user=hospital]")!.TextContent.ShouldContain("浙江省人民医院");
    }

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
    public async Task Bad_input_is_refused_with_localised_messages()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await app.CreateUserAsync("taken", Roles.Agent);
        var before = await app.SnapshotAsync();

        var noRoles = await admin.PostFieldsAsync("/Admin/Users/Create", AdminTestHelpers.NewUser("norole", NewPassword, null));
        var weak = await admin.PostFieldsAsync("/Admin/Users/Create", AdminTestHelpers.NewUser("weak", "abcdefgh", null, Roles.Agent));
        var duplicate = await admin.PostFieldsAsync(
            "/Admin/Users/Create",
            AdminTestHelpers.NewUser("taken", NewPassword, null, Roles.Agent)
        );
        var empty = await admin.PostFieldsAsync("/Admin/Users/Create", [("Input.Roles", Roles.Agent)]);

        (await noRoles.Content.ReadAsStringAsync()).ShouldContain("请至少选择一个角色");
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码必须包含数字");
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("用户名“taken”已被使用");
        var emptyPage = await empty.ParseAsync();
        emptyPage.Text("[data-valmsg-for='Input.UserName']").ShouldBe("请填写用户名");
        emptyPage.Text("[data-valmsg-for='Input.DisplayName']").ShouldBe("请填写显示名称");
        foreach (var r in new[] { noRoles, weak, duplicate, empty })
            r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_admin_changes_display_name_roles_and_organisation()
    {
        await using var app = new AppFactory();
        var customerId = await app.CreateCustomerAsync();
        var admin = await app.SignInAsync(Roles.Admin);
        var user = await app.CreateUserAsync("wangwu", Roles.Agent);

        var response = await admin.PostFieldsAsync(
            $"/Admin/Users/Edit/{user.Id}",
            [("Input.DisplayName", "王五"), ("Input.Roles", Roles.Customer), ("Input.CustomerId", customerId.ToString())]
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await app.UserAsync("wangwu");
        changed.DisplayName.ShouldBe("王五");
        changed.CustomerId.ShouldBe(customerId);
        (await app.RolesOfAsync("wangwu")).ShouldBe([Roles.Customer]);
        var page = await admin.GetPageAsync($"/Admin/Users/Edit/{user.Id}");
        page.QuerySelector("#role-Customer")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#role-Agent")!.HasAttribute("checked").ShouldBeFalse();
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

    [Fact]
    public async Task The_organisation_select_finds_customers_by_name()
    {
        await using var app = new AppFactory();
        await app.CreateCustomerAsync("杭州市第一中学");
        var hospital = await app.CreateCustomerAsync("浙江省人民医院");
        var admin = await app.SignInAsync(Roles.Admin);

        var response = await admin.GetHtmxAsync("/Admin/Users/CustomerOptions?q=医院");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<option value=\"{hospital}\">浙江省人民医院</option>");
        html.ShouldNotContain("第一中学");
    }

    [Fact]
    public async Task An_unknown_account_is_a_not_found_page()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        var edit = await admin.GetAsync("/Admin/Users/Edit/no-such-user");
        var password = await admin.GetAsync("/Admin/Users/Password/no-such-user");
        var locked = await admin.PostFieldsAsync("/Admin/Users/Edit/no-such-user?handler=Lock", [], "/Admin/Users");

        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await edit.ParseAsync()).Text("h1").ShouldBe("页面不存在");
        password.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        locked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
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
