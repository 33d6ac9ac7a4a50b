using System.Net;
using AfterSales.Features.Hotline;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Hotline;

public sealed class RingReportTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task The_report_gives_the_share_within_three_rings_per_day_per_agent_and_overall()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var yesterday = T0.AddDays(-1);
        // (call, agent, ringing, answered or null, ended)
        var calls = new (string Call, string Agent, DateTimeOffset Ring, double? AnswerAfter, double EndAfter)[]
        {
            ("a", "8001", yesterday, 0, 60),
            ("b", "8001", yesterday, 15, 60),
            ("c", "8002", yesterday, 15.1, 60),
            ("d", "8002", T0.AddMinutes(-30), null, 20),
            ("e", "8001", T0.AddMinutes(-20), 4, 30),
        };
        foreach (var c in calls)
        {
            await HotlineWorld.SendOkAsync(world.Cti, c.Call + "1", c.Call, "ringing", c.Ring, c.Agent);
            if (c.AnswerAfter is { } a)
                await HotlineWorld.SendOkAsync(world.Cti, c.Call + "2", c.Call, "answered", c.Ring.AddSeconds(a), c.Agent);
            await HotlineWorld.SendOkAsync(world.Cti, c.Call + "3", c.Call, "ended", c.Ring.AddSeconds(c.EndAfter), c.Agent);
        }
        // Still ringing: not counted yet.
        await HotlineWorld.SendOkAsync(world.Cti, "f1", "f", "ringing", T0.AddSeconds(-3));
        var manager = await app.SignInAsync(Roles.Manager);

        var r = await manager.GetAsync("/api/v1/calls/report?from=2026-11-24&to=2026-11-25");

        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await r.ReadJsonAsync<CallReportOutput>();
        report.Overall.ShouldBe(new RingShare(5, 3));
        report.Days.ShouldBe([
            new DayShare(new DateOnly(2026, 11, 24), new RingShare(3, 2)),
            new DayShare(new DateOnly(2026, 11, 25), new RingShare(2, 1)),
        ]);
        report.Agents.ShouldBe([new AgentShare("8001", new RingShare(3, 3)), new AgentShare("8002", new RingShare(2, 0))]);

        var page = await manager.GetPageAsync("/Hotline/Report?from=2026-11-24&to=2026-11-25");
        page.Text("#overall-share").ShouldBe("60.0%");
        page.Text("#day-2026-11-24 .share").ShouldBe("66.7%");
        page.QuerySelectorAll("#by-agent .agent-row").Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_reversed_range_is_refused_through_the_api_with_a_localised_message()
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);

        var r = await manager.GetAsync("/api/v1/calls/report?from=2026-11-25&to=2026-11-01");

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("开始日期不能晚于结束日期");
    }
}
