using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Admin;

/// <summary>Creating, finding and changing user accounts.</summary>
public sealed class UsersTests
{
    const string NewPassword = "start-pass-1";

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
}
