using System.Net;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Customers;

public sealed class CustomerListTests
{
    static async Task<AppFactory> WithSchoolsAndAHospitalAsync()
    {
        var app = new AppFactory();
        await app.AddCustomerAsync("杭州市第一中学", arrange: c => c.AddContact("王建国", "13857112345", null, "后勤处处长", true));
        await app.AddCustomerAsync("杭州市第二中学", arrange: c => c.AddContact("李老师", "0571-87012345", null, null, true));
        await app.AddCustomerAsync("浙江省人民医院", CustomerCategory.Hospital, code: "91350100M000100Y43");
        await app.AddCustomerAsync("杭州市西湖区人民政府", CustomerCategory.Government);
        return app;
    }

    [Theory]
    [InlineData("一中", "杭州市第一中学")]
    [InlineData("中学", "杭州市第一中学,杭州市第二中学")]
    [InlineData("人民", "杭州市西湖区人民政府,浙江省人民医院")]
    [InlineData("王建国", "杭州市第一中学")]
    [InlineData("138 5711", "杭州市第一中学")]
    [InlineData("87012345", "杭州市第二中学")]
    [InlineData("m000100y", "浙江省人民医院")]
    [InlineData("上海", "")]
    public async Task The_list_finds_customers_by_a_chinese_substring_of_name_code_contact_or_phone(string q, string expected)
    {
        await using var app = await WithSchoolsAndAHospitalAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Customers?q={Uri.EscapeDataString(q)}");

        var names = page.QuerySelectorAll("#customers .customer-name").Select(a => a.TextContent).Order(StringComparer.Ordinal);
        string.Join(",", names).ShouldBe(expected);
        page.Text("#customer-total").ShouldBe($"共 {expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Length} 条");
    }

    [Fact]
    public async Task The_list_filters_by_category()
    {
        await using var app = await WithSchoolsAndAHospitalAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync("/Customers?category=Hospital");

        page.QuerySelectorAll("#customers .customer-name").Select(a => a.TextContent).ShouldBe(["浙江省人民医院"]);
        page.QuerySelector("#category option[selected]")!.GetAttribute("value").ShouldBe("Hospital");
    }

    [Fact]
    public async Task Htmx_search_gets_only_the_rows_and_the_name_links_to_the_card()
    {
        await using var app = await WithSchoolsAndAHospitalAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Customers?q=%E4%B8%80%E4%B8%AD"); // 一中
        request.Headers.Add("HX-Request", "true");

        var response = await agent.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Vary.ShouldContain("HX-Request");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        var rows = await response.ParseAsync();
        var link = rows.QuerySelector("#customers .customer-name")!;
        link.TextContent.ShouldBe("杭州市第一中学");
        link.GetAttribute("href").ShouldStartWith("/Customers/");
    }

    [Fact]
    public async Task Twenty_five_customers_make_two_pages_and_the_second_has_five()
    {
        await using var app = new AppFactory();
        for (var i = 1; i <= 25; i++)
            await app.AddCustomerAsync($"测试单位{i:D2}");
        var agent = await app.SignInAsync(Roles.Agent);

        var first = await agent.GetPageAsync("/Customers");
        var second = await agent.GetPageAsync("/Customers?page=2");

        first.QuerySelectorAll("#customers tbody tr").Length.ShouldBe(20);
        second.QuerySelectorAll("#customers tbody tr").Length.ShouldBe(5);
        second.Text("#customer-total").ShouldBe("共 25 条");
        second.QuerySelector("#pager .active")!.TextContent.Trim().ShouldBe("2");
        second.QuerySelectorAll("#customers .customer-name")[0].TextContent.ShouldBe("测试单位21");
    }

    [Fact]
    public async Task The_api_pages_searches_and_filters_the_same_way()
    {
        await using var app = new AppFactory();
        for (var i = 1; i <= 25; i++)
            await app.AddCustomerAsync($"测试单位{i:D2}", i % 5 == 0 ? CustomerCategory.Hospital : CustomerCategory.School);
        await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        var second = await (await api.GetAsync("/api/v1/customers?q=测试&page=2")).ReadJsonAsync<PagedResult<CustomerSummary>>();
        var hospitals = await (await api.GetAsync("/api/v1/customers?category=Hospital&pageSize=2")).ReadJsonAsync<
            PagedResult<CustomerSummary>
        >();
        var school = await (await api.GetAsync("/api/v1/customers?q=一中")).ReadJsonAsync<PagedResult<CustomerSummary>>();

        (second.Total, second.Page, second.PageSize, second.Items.Count).ShouldBe((25, 2, 20, 5));
        (hospitals.Total, hospitals.Items.Count).ShouldBe((5, 2));
        school.Items.Select(c => c.Name).ShouldBe(["杭州市第一中学"]);
    }
}
