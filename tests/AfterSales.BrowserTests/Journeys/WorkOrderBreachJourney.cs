using AfterSales.Features.Demo;
using AfterSales.Features.WorkOrders.Breaches;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static AfterSales.BrowserTests.Journeys.WorkOrderSteps;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>
/// Nobody calls the customer back: the response clock turns due soon, then breached, and the
/// dispatcher sees it on the board (on a phone) and in the alerts; the late response stays a breach.
/// </summary>
public sealed class WorkOrderBreachJourney
{
    [Fact]
    public async Task An_unanswered_request_turns_amber_then_red_on_the_board()
    {
        await using var app = new LiveApp();
        using var gateway = await ApiClientAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await browser.JourneyAsync(
            "breach",
            async () =>
            {
                var agent = await browser.NewPageAsync(app.BaseUrl);
                await agent.SignInAsync("agent", DemoData.Password);
                var id = await LogRequestAsync(
                    agent,
                    "第一中学",
                    "杭州市第一中学",
                    "行政楼一层大厅东侧",
                    "荣誉墙 LED 背光不亮",
                    major: false
                );
                var number = await agent.Locator("#number").InnerTextAsync();

                // Three hours on (75 % of the four-hour window) the scanner warns; the row turns amber.
                app.Clock.Advance(TimeSpan.FromHours(3));
                (await ScanAsync(app)).ShouldBe(new BreachDetection.Outcome(0, 1));
                var dispatcher = await browser.NewPageAsync(app.BaseUrl, 360, 780);
                await dispatcher.SignInAsync("dispatcher", DemoData.Password);
                await dispatcher.FollowMenuAsync("#nav-dispatch");
                var row = dispatcher.Locator($".board-row[data-id='{id}']");
                await Assertions.Expect(row).ToHaveAttributeAsync("data-light", "DueSoon");
                await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\blist-group-item-warning\b"));
                await Assertions.Expect(row.Locator(".relative")).ToHaveTextAsync("剩 1 小时 0 分");
                await dispatcher.ShotAsync("breach-1-due-soon-360");

                // A fresh request by fax, then the deadline passes unanswered.
                app.Clock.Advance(TimeSpan.FromMinutes(50));
                var faxed = await OtherRequestAsync(
                    gateway,
                    app,
                    "华东建设集团有限公司",
                    "江南大道灯杆旗两面褪色",
                    "Fax",
                    app.Clock.GetUtcNow()
                );
                app.Clock.Advance(TimeSpan.FromMinutes(11));
                (await ScanAsync(app)).ShouldBe(new BreachDetection.Outcome(1, 0));

                await dispatcher.ReloadAsync();
                await Assertions.Expect(row).ToHaveAttributeAsync("data-light", "Breached");
                await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\blist-group-item-danger\b"));
                await Assertions.Expect(row.Locator(".relative")).ToHaveTextAsync("超时 1 分");
                var fresh = dispatcher.Locator($".board-row[data-id='{faxed.Id}']");
                await Assertions.Expect(fresh).ToHaveAttributeAsync("data-light", "Running");
                await Assertions
                    .Expect(fresh)
                    .Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"list-group-item-(danger|warning)"));
                await Assertions.Expect(dispatcher.Locator(".board-row").First).ToHaveAttributeAsync("data-id", id.ToString());
                await dispatcher.ShotAsync("breach-2-board-360");
                (await dispatcher.OverflowsAsync()).ShouldBeFalse("the board must fit a 360 px phone");

                // The desk is alerted: a warning and a breach.
                await dispatcher.OpenMenuAsync();
                await Assertions.Expect(dispatcher.Locator("#alert-badge")).ToHaveTextAsync("2");
                await dispatcher.FollowMenuAsync("#alerts-link");
                var alert = dispatcher.Locator("#alerts .alert-row.list-group-item-danger");
                await Assertions.Expect(alert).ToContainTextAsync(number);
                await Assertions.Expect(alert).ToContainTextAsync("响应");
                await dispatcher.ShotAsync("breach-3-alerts-360");

                // The agent calls back at last: met, but late, so the breach stands on the record.
                app.Clock.Advance(TimeSpan.FromMinutes(4));
                await agent.ReloadAsync();
                await Assertions.Expect(Clock(agent, "Response")).ToHaveAttributeAsync("data-state", "Breached");
                await RecordAsync(agent, "respond", "响应客户", "已致电王建国致歉，工程师今日下午到场");
                await Assertions.Expect(Clock(agent, "Response")).ToHaveAttributeAsync("data-state", "Breached");
                await Assertions.Expect(Clock(agent, "Response").Locator(".clock-met")).ToHaveTextAsync("2026-11-25 14:05");
                await Assertions.Expect(Clock(agent, "Restore")).ToHaveAttributeAsync("data-state", "Running");
                (
                    await agent
                        .Locator("#timeline .timeline-entry:not([data-kind='audit'])")
                        .EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.kind)")
                ).ShouldBe(["event", "event", "due-soon", "breach", "event"]);
                await Assertions.Expect(agent.Locator("#timeline .timeline-entry[data-kind='breach']")).ToContainTextAsync("时限已超");
                await agent.ShotAsync("breach-4-work-order-1280");
            }
        );
    }

    /// <summary>One pass of breach detection, as the background scanner runs it every 30 seconds (off under tests).</summary>
    static async Task<BreachDetection.Outcome> ScanAsync(LiveApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None);
    }
}
