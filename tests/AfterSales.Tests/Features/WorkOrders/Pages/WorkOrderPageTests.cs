using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Pages;

public sealed class WorkOrderPageTests
{
    [Fact]
    public async Task The_page_shows_the_clocks_and_one_timeline_with_late_logged_events()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        app.Clock.Advance(TimeSpan.FromHours(1));

        // Responded at 10:20 Beijing time, logged at 11:00.
        (
            await PageArrange.ActAsync(
                agent,
                w.Id,
                new()
                {
                    ["Input.Type"] = "respond",
                    ["Input.Note"] = "已致电客户",
                    ["Input.OccurredAt"] = "2026-11-25T10:20",
                }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync($"/WorkOrders/{w.Id}");

        page.QuerySelectorAll("#clocks .clock").Select(c => c.GetAttribute("data-kind")).ShouldBe(["Response", "Restore"]);
        page.QuerySelector("#clocks .clock[data-kind=Response] .clock-state")!.TextContent.ShouldBe("已达成");
        page.QuerySelector("#clocks .clock[data-kind=Response] .clock-state")!.ClassList.ShouldContain("text-bg-success");
        page.QuerySelector("#clocks .clock[data-kind=Restore] .clock-state")!.ClassList.ShouldContain("text-bg-primary");
        page.Text("#clocks .clock[data-kind=Response] .clock-due").ShouldBe("2026-11-25 14:00");
        page.QuerySelectorAll("#timeline .timeline-entry:not([data-kind=audit]) .timeline-title")
            .Select(t => t.TextContent)
            .ShouldBe(["受理", "保修判定", "响应客户"]);
        var responded = page.QuerySelectorAll("#timeline .timeline-entry[data-kind=event]")[2];
        responded.TextContent.ShouldContain("2026-11-25 10:20");
        responded.QuerySelector(".recorded-at")!.TextContent.ShouldContain("2026-11-25 11:00");
        page.QuerySelector("#documents .document-list").ShouldNotBeNull();
        page.QuerySelector("#audit-trail").ShouldNotBeNull();

        // A visit: check-in with a location, work, a photo, the signature, restore, check-out with a rating.
        var techName = $"tech{Guid.NewGuid():N}"[..12];
        var tech = await app.SignInAsync(Roles.Technician, userName: techName);
        var techId = await PageArrange.UserIdAsync(app, techName);
        var dispatched = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type = "dispatch",
                technicianId = techId,
                version = PageArrange.Version(page),
            }
        );
        dispatched.StatusCode.ShouldBe(HttpStatusCode.OK, await dispatched.Content.ReadAsStringAsync());
        app.Clock.Advance(TimeSpan.FromHours(1));
        var visit = await (
            await tech.PostJsonAsync($"/api/v1/work-orders/{w.Id}/visits", new { location = "正门广告牌下" })
        ).ReadJsonAsync<AfterSales.Features.Visits.VisitOutput>();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/work", new { workDone = "更换镇流器" })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Penalties.LossTests.AttachAsync(
            app,
            world.CustomerId,
            AfterSales.Features.Documents.DocumentOwner.Visit,
            visit.Id,
            "维修后.jpg"
        );
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (
            await tech.PostJsonAsync(
                $"/api/v1/visits/{visit.Id}/signature",
                new { png = Visits.VisitArrange.SignatureDataUrl(), signerName = "王老师" }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/restore", new { note = "灯箱恢复" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 5, comment = "很及时" })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );

        page = await agent.GetPageAsync($"/WorkOrders/{w.Id}");
        var entries = page.QuerySelectorAll("#timeline .timeline-entry").ToList();
        entries
            .Where(e => e.GetAttribute("data-kind") != "audit")
            .Select(e => e.QuerySelector(".timeline-title")!.TextContent)
            .ShouldBe([
                "受理",
                "保修判定",
                "响应客户",
                "派单",
                "到达现场",
                "现场签到",
                "记录工作内容",
                "现场照片",
                "客户签字",
                "恢复运行",
                "现场签退",
                "客户评分",
            ]);
        entries.Select(e => e.QuerySelector(".text-muted.nowrap")!.TextContent).ShouldBeInOrder();
        var byTitle = entries.ToLookup(e => e.QuerySelector(".timeline-title")!.TextContent);
        byTitle["现场签到"].Single().TextContent.ShouldContain("正门广告牌下");
        byTitle["现场签到"].Single().TextContent.ShouldContain("2026-11-25 12:00");
        byTitle["记录工作内容"].Single().TextContent.ShouldContain("更换镇流器");
        byTitle["现场照片"].Single().TextContent.ShouldContain("维修后.jpg");
        byTitle["客户签字"].Single().TextContent.ShouldContain("王老师");
        byTitle["客户评分"].Single().TextContent.ShouldContain("5 星 · 很及时");
        var audit = entries.Where(e => e.GetAttribute("data-kind") == "audit").ToList();
        audit[0].QuerySelector(".timeline-title")!.TextContent.ShouldBe("创建记录");
        audit.ShouldContain(e => e.TextContent.Contains("Status: OnSite → Restored"));

        // The customer sees the visit in the timeline, not the audit rows.
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        var theirs = await customer.GetPageAsync($"/WorkOrders/{w.Id}");
        theirs.QuerySelectorAll("#timeline .timeline-entry[data-kind=visit]").Length.ShouldBe(5);
        theirs.QuerySelectorAll("#timeline .timeline-entry[data-kind=audit]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_sees_its_own_work_order_with_the_waiting_reason_and_404_for_another()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var own = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        var otherCustomer = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.CustomerId).Select(c => c.Id).SingleAsync());
        var others = await PageArrange.OpenAsync(agent, otherCustomer, assetId: world.OtherCustomerAssetId);
        await PageArrange.ActAsync(agent, own.Id, new() { ["Input.Type"] = "pause", ["Input.Note"] = "等待客户提供安装位置照片" });
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);

        var page = await customer.GetPageAsync($"/WorkOrders/{own.Id}");
        var foreign = await customer.GetAsync($"/WorkOrders/{others.Id}");

        page.Text("#waiting-reason").ShouldContain("等待客户提供安装位置照片");
        page.QuerySelector("#clocks .clock[data-kind=Restore] .clock-state")!.TextContent.ShouldBe("已暂停");
        page.QuerySelector("#actions").ShouldBeNull();
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_technician_sees_only_the_work_orders_assigned_to_them()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var tech = await app.SignInAsync(Roles.Technician, userName: "tech-zhang");
        var techId = await PageArrange.UserIdAsync(app, "tech-zhang");
        var assigned = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        var unassigned = await PageArrange.OpenAsync(agent, world.CustomerId, "灯箱闪烁", world.AssetId);
        await PageArrange.ActAsync(agent, assigned.Id, new() { ["Input.Type"] = "dispatch", ["Input.TechnicianId"] = techId });

        (await tech.GetAsync($"/WorkOrders/{assigned.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tech.GetAsync($"/WorkOrders/{unassigned.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_take_a_work_order_from_response_to_close_through_the_page_and_every_clock_is_met()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Dispatcher);
        await app.CreateUserAsync("tech-li", Roles.Technician);
        var techId = await PageArrange.UserIdAsync(app, "tech-li");
        var w = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);

        async Task Act(Dictionary<string, string> fields)
        {
            var r = await PageArrange.ActAsync(agent, w.Id, fields);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        }

        var first = await agent.GetPageAsync($"/WorkOrders/{w.Id}");
        first.QuerySelectorAll("#actions .action").Select(a => a.GetAttribute("data-type")).ShouldContain("respond");
        first.QuerySelectorAll("#actions .action").Select(a => a.GetAttribute("data-type")).ShouldNotContain("arrive");
        first.QuerySelector("#tech-dispatch option[value='" + techId + "']").ShouldNotBeNull();
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await Act(new() { ["Input.Type"] = "respond", ["Input.Note"] = "已回电，了解故障情况" });
        await Act(new() { ["Input.Type"] = "dispatch", ["Input.TechnicianId"] = techId });
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Act(new() { ["Input.Type"] = "arrive" });
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Act(new() { ["Input.Type"] = "restore", ["Input.Note"] = "更换灯管" });
        await Act(new() { ["Input.Type"] = "close" });

        var page = await agent.GetPageAsync($"/WorkOrders/{w.Id}");
        page.Text("#status").ShouldBe("已关闭");
        page.Text("#technician").ShouldBe("tech-li");
        page.QuerySelectorAll("#clocks .clock").Select(c => c.GetAttribute("data-kind")).ShouldBe(["Response", "OnSite", "Restore"]);
        page.QuerySelectorAll("#clocks .clock-state").Select(s => s.TextContent).ShouldAllBe(s => s == "已达成");
        page.QuerySelectorAll("#actions .action").Select(a => a.GetAttribute("data-type")).ShouldBe(["reopen"]);
    }

    [Fact]
    public async Task A_stale_version_through_the_page_shows_the_message_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        await PageArrange.ActAsync(agent, w.Id, new() { ["Input.Type"] = "respond", ["Input.Note"] = "已回复" });
        var before = await app.SnapshotAsync();

        var r = await PageArrange.ActAsync(
            agent,
            w.Id,
            new() { ["Input.Type"] = "restore", ["Input.Note"] = "已恢复" },
            version: w.Version
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await r.ParseAsync();
        page.Text("#action-errors").ShouldContain("工单已被他人更新");
        page.Text("#status").ShouldBe("处理中");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.WorkOrders.SingleAsync())).Status.ShouldBe(WorkOrderStatus.InProgress);
    }

    [Fact]
    public async Task A_manager_overrides_the_coverage_with_a_reason_and_others_are_refused()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var manager = await app.SignInAsync(Roles.Manager);
        var w = await PageArrange.OpenAsync(agent, world.CustomerId, assetId: world.AssetId);
        Dictionary<string, string> Override() =>
            new()
            {
                ["Input.Version"] = w.Version.ToString(),
                ["Input.Charge"] = "Chargeable",
                ["Input.Reason"] = "现场确认为人为损坏",
            };
        var before = await app.SnapshotAsync();

        var refused = await agent.PostFormAsync($"/WorkOrders/{w.Id}?handler=Override", Override(), $"/WorkOrders/{w.Id}");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await agent.GetPageAsync($"/WorkOrders/{w.Id}")).QuerySelector("#form-override").ShouldBeNull();
        var noReason = await manager.PostFormAsync(
            $"/WorkOrders/{w.Id}?handler=Override",
            new() { ["Input.Version"] = w.Version.ToString(), ["Input.Charge"] = "Chargeable" },
            $"/WorkOrders/{w.Id}"
        );
        var accepted = await manager.PostFormAsync($"/WorkOrders/{w.Id}?handler=Override", Override(), $"/WorkOrders/{w.Id}");

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noReason.ParseAsync()).Text("#action-errors").ShouldContain("改判必须填写理由");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await manager.GetPageAsync($"/WorkOrders/{w.Id}");
        page.Text("#charge").ShouldBe("收费");
        page.Text("#override-reason").ShouldContain("现场确认为人为损坏");
        page.QuerySelectorAll("#timeline .timeline-title").Select(t => t.TextContent).ShouldContain("主管改判");
        var stored = await app.DbAsync(db => db.WorkOrders.SingleAsync());
        (stored.Charge, stored.CoverageOverrideReason).ShouldBe((Charge.Chargeable, "现场确认为人为损坏"));
    }
}
