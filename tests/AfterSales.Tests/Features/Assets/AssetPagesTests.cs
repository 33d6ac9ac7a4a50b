using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Contracts;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Assets;

public sealed class AssetPagesTests
{
    [Fact]
    public async Task The_new_asset_form_offers_only_the_customers_contracts_and_sites()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync();
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var mine = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var theirs = await app.ContractAsync(hospital.CustomerId, "HT-2");
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Assets/New?contractId={mine}");

        page.Text("#asset-customer").ShouldBe("杭州市第一中学");
        Values(page, "Input.ContractId").ShouldBe([mine.ToString()]);
        Values(page, "Input.SiteId").ShouldBe([school.SiteId.ToString()]);
        page.QuerySelector($"select[name='Input.ContractId'] option[value='{mine}']")!.HasAttribute("selected").ShouldBeTrue();
        page.QuerySelector("input[name='Input.InstalledOn']")!.GetAttribute("value").ShouldBe("2025-03-15");
        Values(page, "Input.ProductTypeId").Length.ShouldBe(17);
        Values(page, "Input.ContractId").ShouldNotContain(theirs.ToString());
    }

    /// <summary>The ids a select offers, without its "please choose" option.</summary>
    static string[] Values(AngleSharp.Dom.IDocument page, string select) =>
        [.. page.QuerySelectorAll($"select[name='{select}'] option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0)];

    [Fact]
    public async Task Without_a_customer_the_page_first_asks_for_one()
    {
        await using var app = new AppFactory();
        await app.CustomerAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync("/Assets/New");

        page.QuerySelector("#choose-customer select[name='CustomerId'] option:not([value=''])")!.TextContent.ShouldBe("杭州市第一中学");
        page.QuerySelector("#asset-form").ShouldBeNull();
    }

    [Fact]
    public async Task An_agent_adds_an_asset_and_sees_its_warranty_links_and_history()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var honorWall = await app.ProductTypeIdAsync("honor-wall");
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Assets/New?customerId={customer.CustomerId}";
        var form = await agent.ReadFormAsync(url, "#asset-form");

        var response = await agent.PostFormAsync(
            url,
            form.With(
                ("Input.ContractId", contract.ToString()),
                ("Input.SiteId", customer.SiteId.ToString()),
                ("Input.ProductTypeId", honorWall.ToString()),
                ("Input.Quantity", "1"),
                ("Input.Location", "行政楼一层大厅东侧"),
                ("Input.Notes", "亚克力面板，LED 背光")
            )
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("#asset-type").ShouldBe("荣誉墙/背景墙");
        page.Text("#asset-warranty").ShouldBe("在保（至 2027-03-14）");
        page.QuerySelector("#asset-customer")!.GetAttribute("href").ShouldBe($"/Customers/{customer.CustomerId}");
        page.QuerySelector("#asset-contract")!.GetAttribute("href").ShouldBe($"/Contracts/{contract}");
        page.Text("#asset-site").ShouldContain("东校区");
        page.Text("#asset-location").ShouldBe("行政楼一层大厅东侧");
        page.QuerySelector("#asset-documents .document-list").ShouldNotBeNull();
        page.Text("#audit-trail").ShouldContain("行政楼一层大厅东侧");
        (await agent.GetPageAsync($"/Contracts/{contract}")).QuerySelectorAll("#contract-assets .asset-row").Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_warranty_shows_expired_and_not_delivered()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var old = await app.AssetAsync(await app.ContractAsync(customer.CustomerId, "OLD", new DateOnly(2023, 6, 1)), customer.SiteId);
        var open = await app.AssetAsync(await app.ContractAsync(customer.CustomerId, "OPEN"), customer.SiteId);
        var agent = await app.SignInAsync(Roles.Agent);

        (await agent.GetPageAsync($"/Assets/{old}")).Text("#asset-warranty").ShouldBe("已过保");
        (await agent.GetPageAsync($"/Assets/{open}")).Text("#asset-warranty").ShouldBe("未交付");
    }

    [Fact]
    public async Task A_site_of_another_customer_is_refused_on_the_form()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync();
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var contract = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Assets/New?customerId={school.CustomerId}";
        var form = await agent.ReadFormAsync(url, "#asset-form");
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync(
            url,
            form.With(
                ("Input.ContractId", contract.ToString()),
                ("Input.SiteId", hospital.SiteId.ToString()),
                ("Input.ProductTypeId", (await app.ProductTypeIdAsync("door-plate")).ToString()),
                ("Input.Location", "门诊楼")
            )
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Text("[data-valmsg-for='Input.SiteId']").ShouldBe("地点不属于该合同的用户单位");
        page.QuerySelectorAll("select[name='Input.SiteId'] option[value]:not([value=''])").Length.ShouldBe(1); // the lists are back
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Input.Quantity", "0", "数量应在1到1000000之间")]
    [InlineData("Input.Location", "", "请填写安装位置")]
    [InlineData("Input.ContractId", "", "请填写所属合同")]
    public async Task A_bad_field_is_shown_next_to_it_and_nothing_is_saved(string field, string value, string message)
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var agent = await app.SignInAsync(Roles.Agent);
        var url = $"/Assets/New?contractId={contract}";
        var form = (await agent.ReadFormAsync(url, "#asset-form")).With(
            ("Input.SiteId", customer.SiteId.ToString()),
            ("Input.ProductTypeId", (await app.ProductTypeIdAsync("door-plate")).ToString()),
            ("Input.Location", "教学楼"),
            (field, value)
        );
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync(url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text($"[data-valmsg-for='{field}']").ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_agent_edits_and_then_deletes_an_asset()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var asset = await app.AssetAsync(contract, customer.SiteId);
        var agent = await app.SignInAsync(Roles.Agent);
        var form = await agent.ReadFormAsync($"/Assets/{asset}/Edit", "#asset-form");

        var edited = await agent.PostFormAsync(
            $"/Assets/{asset}/Edit",
            form.With(("Input.Quantity", "12"), ("Input.Location", "教学楼 C 栋"))
        );
        var page = await agent.GetPageAsync($"/Assets/{asset}");
        var deleted = await agent.PostFormAsync($"/Assets/{asset}/Delete", []);

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Text("#asset-quantity").ShouldBe("12");
        page.Text("#asset-location").ShouldBe("教学楼 C 栋");
        page.Text("#audit-trail").ShouldContain("Quantity：10 → 12");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.ToString().ShouldBe($"/Contracts/{contract}");
        (await agent.GetAsync($"/Assets/{asset}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_page_searches_filters_and_pages()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync("杭州市第一中学");
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var c1 = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var c2 = await app.ContractAsync(hospital.CustomerId, "HT-2", new DateOnly(2022, 3, 15));
        for (var i = 1; i <= 21; i++)
            await app.AssetAsync(c1, school.SiteId, location: $"教室 {i}");
        await app.AssetAsync(c2, hospital.SiteId, "light-box", "急诊入口");
        var agent = await app.SignInAsync(Roles.Agent);
        var lightBox = await app.ProductTypeIdAsync("light-box");

        var all = await agent.GetPageAsync("/Assets");
        var second = await agent.GetPageAsync("/Assets?p=2");
        var byCustomer = await agent.GetPageAsync("/Assets?q=人民医院");
        var byType = await agent.GetPageAsync($"/Assets?productTypeId={lightBox}");
        var expired = await agent.GetPageAsync("/Assets?warranty=Expired");

        all.Text("#asset-total").ShouldBe("共 22 条");
        all.QuerySelectorAll(".asset-row").Length.ShouldBe(20);
        second.QuerySelectorAll(".asset-row").Length.ShouldBe(2);
        foreach (var page in new[] { byCustomer, byType, expired })
            page.QuerySelectorAll(".asset-row").Select(r => r.Children[4].TextContent).ShouldBe(["急诊入口"]);
        all.QuerySelector($"#productTypeId option[value='{lightBox}']")!.TextContent.ShouldBe("灯箱");
    }
}
