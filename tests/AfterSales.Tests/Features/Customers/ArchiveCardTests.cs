using System.Globalization;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Customers;

public sealed class ArchiveCardTests
{
    [Fact]
    public async Task The_card_shows_contracts_with_their_coverage_and_assets_grouped_by_site()
    {
        await using var app = new AppFactory(); // today is 2026-11-25 in Shanghai
        Site east = null!,
            west = null!;
        var customer = await app.AddCustomerAsync(
            "杭州市第一中学",
            arrange: c =>
            {
                east = c.AddSite("东校区", "凤起路 235 号");
                west = c.AddSite("西校区", "文三路 88 号");
                c.AddSite("北校区", "尚无设备");
            }
        );
        // Delivered 2024-03-15: 24 months of warranty end 2026-03-14, 36 of free maintenance 2027-03-14;
        // accepted 2024-06-01: 60 months of technical service end 2029-05-31.
        var delivered = await app.AddContractAsync(
            customer.Id,
            "HT-2024-0012",
            new DateOnly(2024, 1, 10),
            new DateOnly(2024, 3, 15),
            new DateOnly(2024, 6, 1),
            totalFen: 38_650_000
        );
        var pending = await app.AddContractAsync(customer.Id, "HT-2026-0003", new DateOnly(2026, 10, 1));
        var plates = await app.AddAssetAsync(delivered, east.Id, "door-plate", 120, "教学楼 A 栋", new DateOnly(2024, 3, 1));
        var board = await app.AddAssetAsync(delivered, west.Id, "billboard", 2, "西校区正门", new DateOnly(2024, 3, 2));
        var signs = await app.AddAssetAsync(pending, east.Id, "desk-sign", 60, "行政楼会议室");
        var agent = await app.SignInAsync(Roles.Agent);

        var card = await agent.GetPageAsync($"/Customers/{customer.Id}");

        var first = card.QuerySelector($"#contracts .contract[data-id='{delivered.Id}']")!;
        first.QuerySelector(".contract-number")!.GetAttribute("href").ShouldBe($"/Contracts/{delivered.Id}");
        first.Text(".money").ShouldBe("¥386,500.00");
        first.Text(".warranty").ShouldBe("质保期至：2026-03-14 已到期");
        first.Text(".free-maintenance").ShouldBe("免费维护期至：2027-03-14 有效");
        first.Text(".technical-service").ShouldBe("免费技术服务期至：2029-05-31 有效");
        var second = card.QuerySelector($"#contracts .contract[data-id='{pending.Id}']")!;
        second.Text(".warranty").ShouldBe("质保期至：— 未开始");

        card.QuerySelectorAll("#assets .site-assets").Select(g => g.GetAttribute("data-site")).ShouldBe([$"{east.Id}", $"{west.Id}"]);
        var eastAssets = card.QuerySelectorAll($"#assets .site-assets[data-site='{east.Id}'] .asset");
        eastAssets.Select(a => a.GetAttribute("data-id")).ShouldBe([$"{plates.Id}", $"{signs.Id}"]);
        eastAssets[0].Text("a").ShouldBe("门牌");
        eastAssets[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Assets/{plates.Id}");
        eastAssets[0].Text(".warranty").ShouldBe("已过保");
        eastAssets[1].Text(".warranty").ShouldBe("未交付");
        card.Text($"#assets .site-assets[data-site='{west.Id}'] .asset[data-id='{board.Id}']").ShouldContain("西校区正门");

        card.QuerySelector("#documents .document-list").ShouldNotBeNull();
        card.QuerySelector("#new-contract")!.GetAttribute("href").ShouldBe($"/Contracts/New?customerId={customer.Id}");
        card.QuerySelector("#new-asset")!.GetAttribute("href").ShouldBe($"/Assets/New?customerId={customer.Id}");
        card.QuerySelector("#print").ShouldNotBeNull();
    }

    [Theory]
    // Delivered 2024-11-26, 24 months of warranty cover up to 2026-11-25, a day that begins at 16:00 UTC the day before in Shanghai.
    [InlineData("2024-11-26", "2026-11-25T15:59:00Z", "Asia/Shanghai", "质保期至：2026-11-25 有效")]
    [InlineData("2024-11-26", "2026-11-25T16:00:00Z", "Asia/Shanghai", "质保期至：2026-11-25 已到期")]
    [InlineData("2024-11-26", "2026-11-25T16:00:00Z", "Asia/Urumqi", "质保期至：2026-11-25 有效")] // still the 25th in Ürümqi (UTC+6)
    // Delivered tomorrow (Shanghai): the warranty has not started.
    [InlineData("2026-11-26", "2026-11-25T15:59:00Z", "Asia/Shanghai", "质保期至：2028-11-25 未开始")]
    [InlineData("2026-11-26", "2026-11-25T16:00:00Z", "Asia/Shanghai", "质保期至：2028-11-25 有效")]
    public async Task Coverage_is_judged_by_the_customers_own_today(string deliveredOn, string utc, string timeZone, string expected)
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学", timeZone: timeZone);
        var contract = await app.AddContractAsync(
            customer.Id,
            "HT-2024-0099",
            new DateOnly(2024, 10, 1),
            DateOnly.Parse(deliveredOn, CultureInfo.InvariantCulture)
        );
        app.Clock.SetUtcNow(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        var agent = await app.SignInAsync(Roles.Agent);

        var card = await agent.GetPageAsync($"/Customers/{customer.Id}");

        card.Text($"#contracts .contract[data-id='{contract.Id}'] .warranty").ShouldBe(expected);
    }

    [Fact]
    public async Task A_new_customer_card_says_plainly_that_there_is_nothing_yet()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学", code: "91350100M000100Y44");
        var agent = await app.SignInAsync(Roles.Agent);

        var card = await agent.GetPageAsync($"/Customers/{customer.Id}");

        card.Text("#checksum-badge").ShouldContain("校验位不符");
        card.Text("#contacts").ShouldContain("暂无联系人");
        card.Text("#contracts").ShouldContain("暂无合同");
        card.Text("#assets").ShouldContain("暂无设备");
        card.Text("#documents").ShouldContain("暂无文档");
        foreach (
            var (heading, none) in new[]
            {
                ("工单", "暂无工单记录"),
                ("巡检", "暂无巡检记录"),
                ("投诉", "暂无投诉记录"),
                ("违约金", "暂无违约金记录"),
            }
        )
        {
            card.Text("#history").ShouldContain(heading);
            card.Text("#history").ShouldContain(none);
        }
        card.Text("#audit-trail").ShouldContain("创建记录");
    }

    [Fact]
    public async Task The_card_is_shown_in_english_when_the_user_switches_language()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        await app.AddContractAsync(
            customer.Id,
            "HT-2024-0012",
            new DateOnly(2024, 1, 10),
            new DateOnly(2024, 3, 15),
            terms: ServiceTerms.TenderDefaults()
        );
        var agent = await app.SignInAsync(Roles.Agent);

        var card = await agent.GetPageAsync($"/Customers/{customer.Id}?lang=en");

        card.Text("#category").ShouldBe("School");
        card.Text("#contracts .warranty").ShouldBe("Warranty until：2026-03-14 Expired");
        card.Text("#history").ShouldContain("No work orders yet");
    }
}
