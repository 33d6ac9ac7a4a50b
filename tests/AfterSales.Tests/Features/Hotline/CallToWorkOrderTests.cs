using System.Net;
using AfterSales.Features.Hotline;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Hotline;

public sealed class CallToWorkOrderTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task An_agent_opens_a_work_order_from_a_logged_call_with_the_customer_already_found()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        await HotlineWorld.SendOkAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-30));
        await HotlineWorld.SendOkAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-22));
        var callId = await app.DbAsync(db => db.Calls.Select(c => c.Id).SingleAsync());
        var agent = await app.SignInAsync(Roles.Agent);

        var log = await agent.GetPageAsync("/Hotline");
        var row = log.QuerySelector($"#call-{callId}")!;
        row.QuerySelector(".customer")!.TextContent.ShouldContain("杭州市第一中学");
        row.QuerySelector(".met").ShouldNotBeNull();
        row.QuerySelector($"#open-complaint-{callId}")!
            .GetAttribute("href")
            .ShouldBe($"/Complaints/New?customerId={world.Orders.CustomerId}&callId={callId}");
        var intakeUrl = row.QuerySelector($"#open-work-order-{callId}")!.GetAttribute("href")!;
        intakeUrl.ShouldBe($"/WorkOrders/New?customerId={world.Orders.CustomerId}&callId={callId}");

        var form = await agent.GetPageAsync(intakeUrl);
        form.Text("#customer-name").ShouldBe("杭州市第一中学");
        form.QuerySelector("#CallId")!.GetAttribute("value").ShouldBe(callId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.QuerySelector("#Input_ContactName")!.GetAttribute("value").ShouldBe("王老师");
        var posted = await agent.PostFormAsync(
            intakeUrl,
            new()
            {
                ["Input.CustomerId"] = world.Orders.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.AssetIds"] = world.Orders.AssetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Description"] = "广告牌灯箱不亮",
                ["Input.Channel"] = "Hotline",
                ["Input.ContactName"] = "王老师",
                ["Input.ContactPhone"] = "057188886666",
                ["CallId"] = callId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FormKey"] = "k1",
            }
        );

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var workOrderId = await app.DbAsync(db => db.WorkOrders.Select(w => w.Id).SingleAsync());
        posted.Headers.Location!.ToString().ShouldBe($"/WorkOrders/{workOrderId}");
        (await app.DbAsync(db => db.Calls.SingleAsync(c => c.Id == callId))).WorkOrderId.ShouldBe(workOrderId);
        (await agent.GetPageAsync("/Hotline"))
            .QuerySelector($"#work-order-of-{callId}")!
            .GetAttribute("href")
            .ShouldBe($"/WorkOrders/{workOrderId}");
    }

    [Fact]
    public async Task A_call_from_an_unknown_number_opens_the_intake_search_with_the_callers_number()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var r = await HotlineWorld.SendAsync(world.Cti, "e1", "c9", "ringing", T0, caller: "13900001111");
        var callId = (await r.ReadJsonAsync<CallEventOutput>()).CallId;
        var agent = await app.SignInAsync(Roles.Agent);

        var row = (await agent.GetPageAsync("/Hotline")).QuerySelector($"#call-{callId}")!;
        row.QuerySelector(".customer")!.TextContent.ShouldContain("未识别");
        var form = await agent.GetPageAsync(row.QuerySelector($"#open-work-order-{callId}")!.GetAttribute("href")!);

        form.QuerySelector("#customer-search").ShouldNotBeNull();
        form.QuerySelector("#caller-phone")!.GetAttribute("value").ShouldBe("13900001111");
        form.QuerySelector("#call-id")!.GetAttribute("value").ShouldBe(callId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_agent_logs_a_call_by_hand_and_the_customer_is_found_by_the_number()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent, userName: "agent-wang");

        var r = await agent.PostFormAsync(
            "/Hotline/New",
            new()
            {
                ["Input.CallerNumber"] = "0571-88886666",
                ["Input.RingingAt"] = "2026-11-25T09:58:00",
                ["Input.AnsweredAt"] = "2026-11-25T09:58:15",
                ["Input.EndedAt"] = "2026-11-25T09:59:40",
                ["Input.Note"] = "电话系统维护期间来电",
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var call = await app.DbAsync(db => db.Calls.AsNoTracking().SingleAsync());
        (call.Source, call.CustomerId, call.Agent).ShouldBe((CallSource.Manual, world.Orders.CustomerId, "agent-wang"));
        (call.Rings, call.MetPromise).ShouldBe((3, true));
    }

    [Fact]
    public async Task A_call_logged_by_hand_in_the_future_is_refused_and_nothing_changes()
    {
        await using var app = new AppFactory();
        await HotlineWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostFormAsync(
            "/Hotline/New",
            new() { ["Input.RingingAt"] = "2026-11-25T11:00:00", ["Input.AnsweredAt"] = "2026-11-25T11:00:05" }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("#call-errors").ShouldContain("来电时间不能晚于当前时间");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Calls_are_for_staff_only()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var r = await HotlineWorld.SendAsync(world.Cti, "e1", "c1", "ringing", T0);
        var callId = (await r.ReadJsonAsync<CallEventOutput>()).CallId;
        var customer = await app.SignInAsync(Roles.Customer, world.Orders.CustomerId);

        (await customer.GetAsync($"/api/v1/calls/{callId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.GetAsync("/api/v1/calls/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.GetAsync("/Hotline")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await customer.GetAsync("/Hotline/Report")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agent = await app.SignInAsync(Roles.Agent);
        (await agent.GetAsync($"/api/v1/calls/{callId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync("/api/v1/calls/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
