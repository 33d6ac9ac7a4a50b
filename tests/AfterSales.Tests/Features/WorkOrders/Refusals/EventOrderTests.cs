using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.WorkOrders.Refusals;

/// <summary>Events out of order (issue: impossible orders are refused): each refused with its message, nothing changed.</summary>
public sealed class EventOrderTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    /// <summary>
    /// The state the work order is brought to ("received": just logged at T0; "on site": dispatched
    /// and arrived at T0+2h), the event tried (occurred-at in hours after T0, or now), and the refusal.
    /// </summary>
    public static TheoryData<string, string, string, double?, HttpStatusCode, string?, string> Cases =>
        new()
        {
            {
                "respond before receipt",
                "received",
                "respond",
                -0.5,
                HttpStatusCode.UnprocessableEntity,
                "occurredAt",
                "发生时间不能早于受理时间 2026-11-25 10:00"
            },
            {
                "restore before receipt",
                "received",
                "restore",
                -1,
                HttpStatusCode.UnprocessableEntity,
                "occurredAt",
                "发生时间不能早于受理时间 2026-11-25 10:00"
            },
            { "confirm before restore", "on site", "confirm", null, HttpStatusCode.Conflict, null, "服务尚未恢复，客户不能确认" },
            { "close before restore", "on site", "close", null, HttpStatusCode.Conflict, null, "服务恢复后才能关闭工单" },
            {
                "restore before arrival",
                "on site",
                "restore",
                1.5,
                HttpStatusCode.UnprocessableEntity,
                "occurredAt",
                "恢复时间不能早于到场时间"
            },
            { "resume before pause", "received", "resume", null, HttpStatusCode.Conflict, null, "恢复时限没有暂停" },
            { "arrive before dispatch", "received", "arrive", null, HttpStatusCode.Conflict, null, "尚未派单，不能到场签到" },
            {
                "expert measures on a minor problem",
                "received",
                "expert-measures",
                null,
                HttpStatusCode.Conflict,
                null,
                "不是重大问题，无需专家措施"
            },
        };

    static readonly Dictionary<string, string> Templates = new()
    {
        ["发生时间不能早于受理时间 2026-11-25 10:00"] = "发生时间不能早于受理时间 {0}",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_event_out_of_order_is_refused_and_changes_nothing(
        string because,
        string state,
        string type,
        double? occurredHours,
        HttpStatusCode status,
        string? field,
        string message
    )
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var tech = await app.CreateUserAsync("tech-order", Roles.Technician);
        var agent = await app.SignInAsync(Roles.Agent);
        var w = await (
            await agent.PostJsonAsync("/api/v1/work-orders", new { customerId = world.CustomerId, description = "灯箱不亮 " + because })
        ).ReadJsonAsync<WorkOrderOutput>();
        app.Clock.Advance(TimeSpan.FromHours(3));
        if (state == "on site")
        {
            w = await EventAsync(
                agent,
                w,
                new
                {
                    type = "dispatch",
                    technicianId = tech.Id,
                    occurredAt = T0.AddHours(1),
                    version = w.Version,
                }
            );
            w = await EventAsync(
                agent,
                w,
                new
                {
                    type = "arrive",
                    occurredAt = T0.AddHours(2),
                    version = w.Version,
                }
            );
        }
        var before = await app.SnapshotAsync();

        var r = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type,
                occurredAt = occurredHours is { } h ? T0.AddHours(h) : (DateTimeOffset?)null,
                note = "记录",
                version = w.Version,
            }
        );

        await r.ShouldBeRefusedAsync(status, field, message, Templates.GetValueOrDefault(message, message));
        (await app.SnapshotAsync()).ShouldBe(before, because);
        var after = await (await agent.GetAsync($"/api/v1/work-orders/{w.Id}")).ReadJsonAsync<WorkOrderOutput>();
        (after.Status, after.Version).ShouldBe((w.Status, w.Version), because);
    }

    static async Task<WorkOrderOutput> EventAsync(HttpClient client, WorkOrderOutput w, object body)
    {
        var r = await client.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", body);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }
}
