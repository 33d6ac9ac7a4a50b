using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>Every bad field of the contract form is shown next to it, and nothing is saved.</summary>
public sealed class ContractFormValidationTests
{
    public static TheoryData<string, string, string> BadFields =>
        new()
        {
            { "Input.Number", "", "请填写合同编号" },
            { "Input.Number", new string('A', 65), "合同编号不能超过64个字符" },
            { "Input.Title", "", "请填写合同名称" },
            { "Input.Total", "-5", "合同总额不能为负数" },
            { "Input.Total", "12.345", "合同总额应为金额（元），最多两位小数，例如 12345.60" },
            { "Input.Total", "一百元", "合同总额应为金额（元），最多两位小数，例如 12345.60" },
            { "Input.SignedOn", "", "请填写签订日期" },
            { "Input.DeliveredOn", "2024-12-31", "交付使用日期不能早于签订日期" },
            { "Input.FinalAcceptanceOn", "2025-03-14", "终验日期不能早于交付使用日期" },
            { "Input.Terms.WarrantyMonths", "601", "质保期应在0到600个月之间" },
            { "Input.Terms.OnSiteHours", "0", "到场时限应在1到8760小时之间" },
            { "Input.Terms.AccidentPenaltyBp", "10001", "事故违约金比例应在0到10000个基点（0%–100%）之间" },
        };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_shown_next_to_it_and_nothing_is_saved(string field, string value, string message)
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Contracts/New?customerId={customer.CustomerId}";
        var form = (await agent.ReadFormAsync(url, "#contract-form")).With(ContractPagesTests.Filled).With((field, value));
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync(url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Text($"[data-valmsg-for='{field}']").ShouldBe(message);
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe(form["Input.Title"]); // what was typed stays
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_number_is_refused_on_the_page()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        await app.ContractAsync(customer.CustomerId, "HT-2025-0012");
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Contracts/New?customerId={customer.CustomerId}";
        var form = await agent.ReadFormAsync(url, "#contract-form");
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync(url, form.With(ContractPagesTests.Filled));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text("[data-valmsg-for='Input.Number']").ShouldBe("合同编号“HT-2025-0012”已被使用");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_customer_the_contract_is_refused()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var form = await agent.ReadFormAsync("/Contracts/New", "#contract-form");
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync("/Contracts/New", form.With(ContractPagesTests.Filled));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text("[data-valmsg-for='CustomerId']").ShouldBe("请选择用户单位");
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
