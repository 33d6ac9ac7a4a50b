using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders;

public sealed class WorkOrderLifecycleTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task A_hotline_request_goes_from_intake_to_close_with_every_clock_met()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var tech = await app.CreateUserAsync("tech1", Roles.Technician);
        var agent = await app.SignInAsync(Roles.Agent);

        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "广告牌灯不亮",
                cause = "Defect",
            }
        );
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var w = await created.ReadJsonAsync<WorkOrderOutput>();
        w.Number.ShouldBe("GD-20261125-0001");
        w.Charge.ShouldBe(Charge.Free);
        w.Clocks.Select(c => c.Kind).ShouldBe([ClockKind.Response, ClockKind.Restore]);
        w.Clocks[0].DueAt.ShouldBe(T0.UtcDateTime.AddHours(4));

        async Task<WorkOrderOutput> Event(object e)
        {
            var r = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", e);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            return await r.ReadJsonAsync<WorkOrderOutput>();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        w = await Event(
            new
            {
                type = "respond",
                note = "已致电客户，了解情况",
                version = w.Version,
            }
        );
        w = await Event(
            new
            {
                type = "remote-diagnosis",
                solved = false,
                note = "远程指导重启无效",
                version = w.Version,
            }
        );
        w = await Event(
            new
            {
                type = "dispatch",
                technicianId = tech.Id,
                version = w.Version,
            }
        );
        w.Clocks.Select(c => c.Kind).ShouldContain(ClockKind.OnSite);
        app.Clock.Advance(TimeSpan.FromHours(3));
        w = await Event(new { type = "arrive", version = w.Version });
        app.Clock.Advance(TimeSpan.FromHours(2));
        w = await Event(
            new
            {
                type = "restore",
                note = "更换镇流器",
                version = w.Version,
            }
        );
        w = await Event(new { type = "confirm", version = w.Version });
        w = await Event(new { type = "close", version = w.Version });

        w.Status.ShouldBe(WorkOrderStatus.Closed);
        w.Clocks.ShouldAllBe(c => c.State == ClockState.Met);
        w.Events!.Select(e => e.Type).ShouldContain(WorkOrderEventType.Arrived);
    }

    [Fact]
    public async Task A_future_received_time_is_refused_and_nothing_is_created()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                description = "门牌松动",
                receivedAt = T0.AddHours(1),
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("受理时间不能晚于当前时间");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_asset_of_another_customer_is_refused()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.OtherCustomerAssetId },
                description = "门牌松动",
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("所选设备不属于该用户单位");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_creates_one_work_order()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var client = await app.ApiKeyClientAsync(Policies.HandleWorkOrders, Policies.ReadWorkOrders);
        client.DefaultRequestHeaders.Add(WorkOrdersApi.IdempotencyHeader, "cti-call-7781");
        var body = new
        {
            customerId = world.CustomerId,
            description = "灯箱闪烁",
            channel = "Api",
        };

        var first = await client.PostJsonAsync("/api/v1/work-orders", body);
        var second = await client.PostJsonAsync("/api/v1/work-orders", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadJsonAsync<WorkOrderOutput>()).Id.ShouldBe((await first.ReadJsonAsync<WorkOrderOutput>()).Id);
        (await app.DbAsync(db => Task.FromResult(db.WorkOrders.Count()))).ShouldBe(1);
    }

    [Fact]
    public async Task Twenty_requests_at_once_with_one_idempotency_key_create_one_work_order_and_all_answer_with_it()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var client = await app.ApiKeyClientAsync(Policies.HandleWorkOrders, Policies.ReadWorkOrders);
        client.DefaultRequestHeaders.Add(WorkOrdersApi.IdempotencyHeader, "mail-4471");
        var body = new { customerId = world.CustomerId, description = "灯箱不亮" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostJsonAsync("/api/v1/work-orders", body)));

        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(19);
        var ids = await Task.WhenAll(answers.Select(async r => (await r.ReadJsonAsync<WorkOrderOutput>()).Id));
        ids.Distinct().ShouldHaveSingleItem();
        (await app.DbAsync(db => db.WorkOrders.CountAsync())).ShouldBe(1);
        (await app.DbAsync(db => db.Set<DailyCounter>().SingleAsync())).Last.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await (
            await agent.PostJsonAsync("/api/v1/work-orders", new { customerId = world.CustomerId, description = "横幅破损" })
        ).ReadJsonAsync<WorkOrderOutput>();
        await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type = "respond",
                note = "已回复",
                version = w.Version,
            }
        );
        var before = await app.SnapshotAsync();

        var stale = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", new { type = "restore", version = w.Version });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Arriving_before_the_dispatch_is_refused()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var tech = await app.CreateUserAsync("tech2", Roles.Technician);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await (
            await agent.PostJsonAsync("/api/v1/work-orders", new { customerId = world.CustomerId, description = "奖杯底座断裂" })
        ).ReadJsonAsync<WorkOrderOutput>();
        app.Clock.Advance(TimeSpan.FromHours(1));
        w = await (
            await agent.PostJsonAsync(
                $"/api/v1/work-orders/{w.Id}/events",
                new
                {
                    type = "dispatch",
                    technicianId = tech.Id,
                    version = w.Version,
                }
            )
        ).ReadJsonAsync<WorkOrderOutput>();

        var r = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type = "arrive",
                occurredAt = T0.AddMinutes(30),
                version = w.Version,
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("到场时间不能早于派单时间");
    }
}
