using System.Net;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Customers;

public sealed class CustomerPagesTests
{
    static Dictionary<string, string> Form(string name, string code, string category = "School", string timeZone = "Asia/Shanghai") =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.CreditCode"] = code,
            ["Input.Category"] = category,
            ["Input.TimeZone"] = timeZone,
            ["Input.Notes"] = "",
        };

    [Fact]
    public async Task An_agent_creates_a_customer_and_lands_on_its_card_with_a_message()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var code = CustomerBuilders.ValidCode();

        var response = await agent.PostFormAsync("/Customers/New", Form("杭州市第一中学", code.ToLowerInvariant()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldMatch(@"^/Customers/\d+$");
        var card = await agent.GetPageAsync(location);
        card.Text("#customer-name").ShouldBe("杭州市第一中学");
        card.Text("#credit-code").ShouldBe(code);
        card.Text("#category").ShouldBe("学校");
        card.Text(".alert-success").ShouldContain("已创建用户单位“杭州市第一中学”");
        card.QuerySelector("#checksum-badge").ShouldBeNull();
        card.QuerySelector("#audit-trail").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_agent_edits_a_customer()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var agent = await app.SignInAsync(Roles.Agent);

        var form = await agent.GetPageAsync($"/Customers/{customer.Id}/Edit");
        form.QuerySelector("#Input_Name")!.GetAttribute("value").ShouldBe("杭州市第一中学");
        var response = await agent.PostFormAsync(
            $"/Customers/{customer.Id}/Edit",
            Form("杭州市第一中学（西校区）", customer.CreditCode, "Government", "Asia/Urumqi")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Customers/{customer.Id}");
        var saved = await app.DbAsync(db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        (saved.Name, saved.Category, saved.TimeZone).ShouldBe(("杭州市第一中学（西校区）", CustomerCategory.Government, "Asia/Urumqi"));
    }

    [Fact]
    public async Task A_failing_checksum_shows_a_warning_and_saves_once_confirmed()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var code = CustomerBuilders.FailingCode();
        var before = await app.SnapshotAsync();

        var warned = await agent.PostFormAsync("/Customers/New", Form("某某公司", code, "Enterprise"));

        warned.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await warned.ParseAsync();
        page.Text("#checksum-warning").ShouldContain("校验位不符");
        page.Text("[data-valmsg-for='Input.CreditCode']").ShouldBe("统一社会信用代码校验位不符，请核对；确认无误请勾选“仍然保存”后再提交");
        page.QuerySelector("#Input_ConfirmChecksumWarning").ShouldNotBeNull();
        (await app.SnapshotAsync()).ShouldBe(before);

        var fields = Form("某某公司", code, "Enterprise");
        fields["Input.ConfirmChecksumWarning"] = "true";
        var saved = await agent.PostFormAsync("/Customers/New", fields);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var card = await agent.GetPageAsync(saved.Headers.Location!.ToString());
        card.Text("#checksum-badge").ShouldContain("校验位不符");
    }

    public static TheoryData<string, string, string, string> BadForms =>
        new()
        {
            { "", CustomerBuilders.ValidCode(), "Input.Name", "请填写名称" },
            { new string('校', 201), CustomerBuilders.ValidCode(), "Input.Name", "名称不能超过200个字符" },
            { "甲单位", "", "Input.CreditCode", "请填写统一社会信用代码" },
            { "甲单位", "91350100M000100Y4", "Input.CreditCode", "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）" },
            { "甲单位", "91350100M000100Y430", "Input.CreditCode", "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）" },
            { "甲单位", "91350100M00010OY43", "Input.CreditCode", "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）" },
        };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_is_shown_again_with_the_message_at_the_field(string name, string code, string field, string message)
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync("/Customers/New", Form(name, code));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text($"[data-valmsg-for='{field}']").ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_field_error_on_the_form()
    {
        await using var app = new AppFactory();
        var existing = await app.AddCustomerAsync("杭州市第一中学");
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync("/Customers/New", Form("另一单位", existing.CreditCode));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync())
            .Text("[data-valmsg-for='Input.CreditCode']")
            .ShouldBe($"统一社会信用代码“{existing.CreditCode}”已被用户单位“杭州市第一中学”使用");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_customers_are_404_on_every_page()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        foreach (
            var url in new[]
            {
                "/Customers/424242",
                "/Customers/424242/Edit",
                "/Customers/424242/Contacts/New",
                "/Customers/424242/Sites/New",
            }
        )
            (await agent.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task Deleting_a_customer_with_a_contract_is_refused_on_the_page()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        await app.AddContractAsync(customer.Id, "HT-2025-0012", new DateOnly(2025, 1, 10));
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync($"/Customers/{customer.Id}/Edit?handler=Delete", [], $"/Customers/{customer.Id}/Edit");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text(".validation-summary-errors").ShouldBe("用户单位“杭州市第一中学”还有1份合同，不能删除");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Deleting_a_customer_without_contracts_returns_to_the_list()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学", arrange: c => c.AddSite("东校区", "凤起路 235 号"));
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.PostFormAsync($"/Customers/{customer.Id}/Edit?handler=Delete", [], $"/Customers/{customer.Id}/Edit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Customers");
        (await app.DbAsync(db => db.Customers.AnyAsync())).ShouldBeFalse();
    }
}
