using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Pages;

public sealed class IntakePageTests
{
    // T0 is 10:00 in Asia/Shanghai, the customers' zone.
    static Dictionary<string, string> Form(WorkOrderWorld world, long assetId, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.CustomerId"] = world.CustomerId.ToString(),
            ["Input.AssetIds"] = assetId.ToString(),
            ["Input.Description"] = "正门广告牌灯箱不亮",
            ["Input.Channel"] = "Hotline",
            ["Input.Cause"] = "Defect",
            ["Input.ContactName"] = "王老师",
            ["Input.ContactPhone"] = "13800138000",
        };
        foreach (var (k, v) in extra)
            fields[k] = v;
        return fields;
    }

    static string FormPage(WorkOrderWorld world) => $"/WorkOrders/New?customerId={world.CustomerId}";

    [Fact]
    public async Task An_agent_logs_a_hotline_defect_and_sees_its_number_and_free_coverage()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);

        var form = await agent.GetPageAsync(FormPage(world));
        form.Text("#customer-name").ShouldBe("杭州市第一中学");
        form.QuerySelector($"#asset-{world.AssetId}").ShouldNotBeNull();
        form.QuerySelector($"#asset-{world.OtherCustomerAssetId}").ShouldBeNull();
        form.QuerySelector("#Input_ReceivedAt")!.GetAttribute("value").ShouldBe("2026-11-25T10:00");

        var r = await agent.PostFormAsync("/WorkOrders/New", Form(world, world.AssetId), FormPage(world));

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync(r.Headers.Location!.OriginalString);
        page.Text("[role=status]").ShouldContain("GD-20261125-0001");
        page.Text("[role=status]").ShouldContain("免费");
        page.Text("#number").ShouldBe("GD-20261125-0001");
        page.Text("#charge").ShouldBe("免费");
        page.Text("#coverage-reason").ShouldContain("质保期内");
        page.Text("#channel").ShouldBe("热线电话");
        page.Text("#assets").ShouldContain("正门");
        var stored = await app.DbAsync(db => db.WorkOrders.Include(w => w.Assets).SingleAsync());
        stored.Assets.Single().AssetId.ShouldBe(world.AssetId);
        stored.ContactPhone.ShouldBe("13800138000");
        stored.ReceivedAtUtc.ShouldBe(AppFactory.T0.UtcDateTime);
    }

    [Fact]
    public async Task A_backdated_request_without_a_reason_is_refused_with_the_input_kept()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostFormAsync(
            "/WorkOrders/New",
            Form(world, world.AssetId, ("Input.ReceivedAt", "2026-11-25T08:30")),
            FormPage(world)
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await r.ParseAsync();
        page.Text("[data-valmsg-for='Input.BackdateReason']").ShouldBe("受理时间早于当前时间，请说明补录原因");
        page.Text("#Input_Description").ShouldBe("正门广告牌灯箱不亮");
        page.QuerySelector("#Input_ReceivedAt")!.GetAttribute("value").ShouldBe("2026-11-25T08:30");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_backdated_request_with_a_reason_keeps_its_received_time_in_the_customers_zone()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);

        var r = await agent.PostFormAsync(
            "/WorkOrders/New",
            Form(world, world.AssetId, ("Input.ReceivedAt", "2026-11-25T08:30"), ("Input.BackdateReason", "系统故障期间电话记录补录")),
            FormPage(world)
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.DbAsync(db => db.WorkOrders.SingleAsync());
        stored.ReceivedAtUtc.ShouldBe(new DateTime(2026, 11, 25, 0, 30, 0, DateTimeKind.Utc));
        stored.BackdateReason.ShouldBe("系统故障期间电话记录补录");
    }

    [Fact]
    public async Task A_future_received_time_is_refused()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostFormAsync(
            "/WorkOrders/New",
            Form(world, world.AssetId, ("Input.ReceivedAt", "2026-11-25T11:00")),
            FormPage(world)
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("[data-valmsg-for='Input.ReceivedAt']").ShouldBe("受理时间不能晚于当前时间");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_asset_of_another_customer_is_refused_and_nothing_changes()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostFormAsync("/WorkOrders/New", Form(world, world.OtherCustomerAssetId), FormPage(world));

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("[data-valmsg-for='Input.AssetIds']").ShouldBe("所选设备不属于该用户单位");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_an_asset_the_agent_must_say_not_sure()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var fields = Form(world, world.AssetId);
        fields.Remove("Input.AssetIds");

        var refused = await agent.PostFormAsync("/WorkOrders/New", fields, FormPage(world));
        fields["Input.AssetsUnsure"] = "true";
        var accepted = await agent.PostFormAsync("/WorkOrders/New", fields, FormPage(world));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Text("[data-valmsg-for='Input.AssetIds']").ShouldBe("请选择设备，或勾选“不确定”");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.WorkOrders.Include(w => w.Assets).SingleAsync())).Assets.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_customer_search_finds_by_name_and_the_callers_phone_preselects_the_customer()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        await app.DbAsync(async db =>
        {
            var c = await db.Customers.SingleAsync(x => x.Id == world.CustomerId);
            c.AddContact("王老师", "13800138000", null, "后勤主任", true);
            await db.SaveChangesAsync();
        });
        var agent = await app.SignInAsync(Roles.Agent);

        var matches = await agent.GetPageAsync("/WorkOrders/New?handler=Customers&q=第一中学");
        var byPhone = await agent.GetPageAsync("/WorkOrders/New?phone=138 0013 8000");

        matches.QuerySelectorAll(".customer-match").Select(a => a.GetAttribute("data-id")).ShouldBe([world.CustomerId.ToString()]);
        var unknownCaller = await agent.GetPageAsync("/WorkOrders/New?handler=Customers&q=第一中学&phone=13900001111");
        unknownCaller
            .QuerySelector(".customer-match")!
            .GetAttribute("href")
            .ShouldBe($"/WorkOrders/New?customerId={world.CustomerId}&phone=13900001111");
        byPhone.Text("#customer-name").ShouldBe("杭州市第一中学");
        byPhone.QuerySelector("#Input_ContactName")!.GetAttribute("value").ShouldBe("王老师");
        byPhone.QuerySelector("#Input_ContactPhone")!.GetAttribute("value").ShouldBe("13800138000");
    }

    [Fact]
    public async Task The_archive_card_lists_the_customers_work_orders()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.CustomerId).Select(c => c.Id).SingleAsync());
        await PageArrange.OpenAsync(agent, other, assetId: world.OtherCustomerAssetId);

        var card = await agent.GetPageAsync($"/Customers/{world.CustomerId}");

        var rows = card.QuerySelectorAll("#customer-work-orders tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].QuerySelector("a.work-order-number")!.GetAttribute("href").ShouldBe($"/WorkOrders/{w.Id}");
        rows[0].TextContent.ShouldContain(w.Number);
        rows[0].TextContent.ShouldContain("已受理");
        rows[0].TextContent.ShouldContain("免费");
    }
}
