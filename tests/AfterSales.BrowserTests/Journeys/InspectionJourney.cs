using AfterSales.Features.Demo;
using AfterSales.Features.Inspections;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static AfterSales.BrowserTests.Journeys.WorkOrderSteps;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>
/// The winter round at the school's east campus, from the planner to the customer's report: the
/// dispatcher schedules it, the technician works it on a phone (check in, asset by asset, a hazard
/// with a photo, the customer's finger signature, check out), the winter ends with the other
/// rounds undone and the dispatcher sees them flagged as missed, the school downloads the Chinese
/// report and the hospital gets "not found". Only the demo data and the planner arrange anything;
/// the fake clock moves as the season would.
/// </summary>
public sealed class InspectionJourney
{
    const string Hospital = "浙江省人民医院";

    [Fact]
    public async Task A_technician_works_a_winter_round_on_a_phone_and_the_customer_gets_the_report()
    {
        await using var app = new LiveApp();
        // 2026-11-25: the winter window opens within the lead time, so the planner plans it now.
        (await RunAsync(app, p => p.PlanAheadAsync(CancellationToken.None))).ShouldBeGreaterThan(1);
        var roundId = await app.DbAsync(db =>
            db.InspectionRounds.Where(r => db.Sites.Any(s => s.Id == r.SiteId && s.Name == "东校区")).Select(r => r.Id).SingleAsync()
        );
        var hospitalUser = await app.CreateUserAsync(
            "hospital",
            Roles.Customer,
            await app.DbAsync(db => db.Customers.Where(c => c.Name == Hospital).Select(c => c.Id).SingleAsync())
        );
        // 2026-12-03 09:00 in Shanghai, inside the window; everyone signs in on that day.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await browser.JourneyAsync(
            "inspection",
            async () =>
            {
                await ScheduleAsync(app, browser, roundId);
                await WorkOnPhoneAsync(app, browser, roundId);

                // The winter ends; the other rounds were never done.
                app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
                var missed = await RunAsync(app, p => p.DetectMissedAsync(CancellationToken.None));
                missed.ShouldBeGreaterThan(0);
                await DispatcherSeesMissedAsync(app, browser, roundId, missed);
                await CustomersSeeOnlyTheirOwnAsync(app, browser, hospitalUser, roundId);
            }
        );
    }

    /// <summary>1. The dispatcher finds the planned round on the list and gives it to the demo technician.</summary>
    static async Task ScheduleAsync(LiveApp app, IBrowser browser, long roundId)
    {
        var techId = await app.DbAsync(db => db.Users.Where(u => u.UserName == "tech").Select(u => u.Id).SingleAsync());
        var dispatcher = await browser.NewPageAsync(app.BaseUrl);
        await dispatcher.SignInAsync("dispatcher", DemoData.Password);
        await dispatcher.FollowMenuAsync("#nav-inspections");
        var row = dispatcher.Locator($"#round-{roundId}");
        await Assertions.Expect(row.Locator(".round-status")).ToHaveTextAsync("已计划");
        await row.Locator("a").ClickAsync();
        await dispatcher.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/Inspections/{roundId}");
        await dispatcher.FillAsync("#schedule_On", "2026-12-03");
        await dispatcher.SelectOptionAsync("#schedule_TechnicianId", techId);
        await dispatcher.ClickAsync("#schedule");
        await Assertions.Expect(dispatcher.Locator("#status")).ToHaveTextAsync("已排期");
        await Assertions.Expect(dispatcher.Locator("#assigned")).ToContainTextAsync("2026-12-03");
        await dispatcher.ShotAsync("inspection-1-scheduled-1280");
    }

    /// <summary>2. The technician, on a 360 px phone, works through every asset of the site.</summary>
    static async Task WorkOnPhoneAsync(LiveApp app, IBrowser browser, long roundId)
    {
        var tech = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await tech.SignInAsync("tech", DemoData.Password);
        await tech.FollowMenuAsync("#nav-inspections");
        await tech.Locator($"#round-{roundId} a").ClickAsync();
        await tech.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/Inspections/{roundId}");
        await tech.FillAsync("#checkIn_Location", "东校区正门");
        await tech.ClickAsync("#check-in");
        await Assertions.Expect(tech.Locator("#checked-in")).ToContainTextAsync("2026-12-03 09:00");
        await Assertions.Expect(tech.Locator("#status")).ToHaveTextAsync("进行中");

        // Asset by asset, item by item, as the checklist of each product type lists them.
        var forms = await tech.Locator(".finding-form").EvaluateAllAsync<string[]>("fs => fs.map(f => f.id)");
        (await tech.Locator("section.asset").CountAsync()).ShouldBe(2);
        forms.Length.ShouldBe(5); // door plates: 2 items; honor wall: 3
        string? hazardItem = null;
        foreach (var formId in forms)
        {
            var item = formId["finding-form-".Length..];
            var form = tech.Locator($"#{formId}");
            var text = await tech.Locator($"#item-{item} .fw-semibold").InnerTextAsync();
            if (text == "面板粘接牢固")
            {
                hazardItem = item;
                await form.Locator($"label[for='result-{item}-Hazard']").ClickAsync();
                await form.Locator("input[name='finding.Notes']").FillAsync("面板松动脱胶");
                await form.Locator("input[name='finding.Proposal']").FillAsync("重新粘接加固");
            }
            else if (text == "字迹清晰")
            {
                await form.Locator($"label[for='result-{item}-NeedsAttention']").ClickAsync();
                await form.Locator("input[name='finding.Notes']").FillAsync("三间教室门牌褪色");
                await form.Locator("input[name='finding.Proposal']").FillAsync("明年暑假更换");
            }
            await form.Locator("button").ClickAsync();
            await Assertions.Expect(tech.Locator($"#item-{item} .finding")).ToBeVisibleAsync();
        }
        hazardItem.ShouldNotBeNull();
        await Assertions.Expect(tech.Locator($"#item-{hazardItem} .finding .badge")).ToHaveTextAsync("隐患");
        await tech.ShotAsync("inspection-2-findings-360");

        // The hazard's photo, as the phone's camera would send it.
        var photoForm = tech.Locator($"#item-{hazardItem} .photo-form");
        await photoForm
            .Locator("input[type=file]")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "loose-panel.png",
                    MimeType = "image/png",
                    Buffer = Browser.Png(colour: 0xFFC0392B),
                }
            );
        await photoForm.Locator("button").ClickAsync();
        await Assertions.Expect(tech.Locator($"#item-{hazardItem} img.thumb")).ToHaveCountAsync(1);

        // The school's contact signs with a finger; coordinates are the viewport's, so the pad comes on screen first.
        await tech.Locator("#signature-pad").ScrollIntoViewIfNeededAsync();
        var pad = await tech.Locator("#signature-pad").BoundingBoxAsync();
        await tech.Mouse.MoveAsync(pad!.X + 20, pad.Y + 20);
        await tech.Mouse.DownAsync();
        await tech.Mouse.MoveAsync(pad.X + 120, pad.Y + 80, new() { Steps = 8 });
        await tech.Mouse.MoveAsync(pad.X + 200, pad.Y + 30, new() { Steps = 8 });
        await tech.Mouse.UpAsync();
        await tech.FillAsync("#sign_SignerName", "王建国");
        await tech.ClickAsync("#sign");
        await Assertions.Expect(tech.Locator("#signature-image")).ToBeVisibleAsync();
        await tech.ShotAsync("inspection-3-signed-360");

        // 签退 with the school's rating of the visit.
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        await tech.SelectOptionAsync("#complete_Satisfaction", "5");
        await tech.FillAsync("#complete_Comment", "检查细致");
        await tech.ClickAsync("#complete");
        await Assertions.Expect(tech.Locator("#status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(tech.Locator("#completed")).ToContainTextAsync("★★★★★");
        await Assertions.Expect(tech.Locator($"#item-{hazardItem} .finding-outcome")).ToContainTextAsync("已转工单");
        await Assertions.Expect(tech.Locator(".finding-form")).ToHaveCountAsync(0);
        await tech.ShotAsync("inspection-4-completed-360");
        (await tech.OverflowsAsync()).ShouldBeFalse("the round screen must fit a 360 px phone");
        var round = await app.DbAsync(db => db.InspectionRounds.Include(r => r.Findings).SingleAsync(r => r.Id == roundId));
        round.Status.ShouldBe(RoundStatus.Completed);
        round.Findings.Count.ShouldBe(5);
        round.Findings.Single(f => f.Result == FindingResult.Hazard).WorkOrderId.ShouldNotBeNull();
    }

    /// <summary>3. After the winter, the dispatcher's list counts the missed rounds and flags each row.</summary>
    static async Task DispatcherSeesMissedAsync(LiveApp app, IBrowser browser, long roundId, int missed)
    {
        var westId = await app.DbAsync(db =>
            db.InspectionRounds.Where(r => db.Sites.Any(s => s.Id == r.SiteId && s.Name == "西校区")).Select(r => r.Id).SingleAsync()
        );
        var dispatcher = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await dispatcher.SignInAsync("dispatcher", DemoData.Password);
        await dispatcher.FollowMenuAsync("#nav-inspections");
        await Assertions.Expect(dispatcher.Locator("#missed-alert")).ToContainTextAsync($"已错过的巡检：{missed}");
        var west = dispatcher.Locator($"#round-{westId}");
        await Assertions.Expect(west).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btable-danger\b"));
        await Assertions.Expect(west.Locator(".round-status")).ToHaveTextAsync("已错过");
        var done = dispatcher.Locator($"#round-{roundId}");
        await Assertions.Expect(done.Locator(".round-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(done).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btable-danger\b"));
        await dispatcher.ShotAsync("inspection-5-missed-360");

        await dispatcher.Locator("#missed-alert a").ClickAsync();
        await dispatcher.WaitForURLAsync(u => new Uri(u).Query == "?Status=Missed");
        await Assertions.Expect(dispatcher.Locator("#rounds tbody tr")).ToHaveCountAsync(missed);
        await Assertions.Expect(dispatcher.Locator("#rounds tbody tr.table-danger")).ToHaveCountAsync(missed);
        await dispatcher.Locator($"#round-{westId} a").ClickAsync();
        await Assertions.Expect(dispatcher.Locator("#missed")).ToContainTextAsync("巡检窗口结束时未完成巡检");
    }

    /// <summary>4. The school opens the round from its archive card and downloads the report; the hospital gets "not found".</summary>
    static async Task CustomersSeeOnlyTheirOwnAsync(LiveApp app, IBrowser browser, AppUser hospitalUser, long roundId)
    {
        var customer = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await customer.SignInAsync("customer", DemoData.Password);
        await customer.FollowMenuAsync("#nav-card");
        var card = customer.Locator($"#card-round-{roundId}");
        await Assertions.Expect(card.Locator(".round-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(customer.Locator("#customer-inspections li.text-danger")).ToHaveCountAsync(1);
        await card.Locator("a").First.ClickAsync();
        await customer.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/Inspections/{roundId}");
        await Assertions.Expect(customer.Locator("#status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(customer.Locator(".finding img.thumb")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.Locator(".finding-form, .photo-form, .decide-form")).ToHaveCountAsync(0);
        await customer.ShotAsync("inspection-6-customer-360");
        (await customer.OverflowsAsync()).ShouldBeFalse("the round screen must fit a 360 px phone");

        var text = await PdfTextAsync(await DownloadPdfAsync(customer, customer.Locator("#report")));
        text.ShouldContain("冬季巡检报告");
        text.ShouldContain("杭州市第一中学");
        text.ShouldContain("面板松动脱胶");
        text.ShouldContain("隐患");
        text.ShouldContain("王建国");

        var stranger = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await stranger.SignInAsync(hospitalUser.UserName!, AppFactory.Password);
        var denied = await stranger.GotoAsync($"/Inspections/{roundId}");
        denied!.Status.ShouldBe(404);
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("页面不存在");
        (await stranger.Context.APIRequest.GetAsync($"/Inspections/{roundId}/report.pdf")).Status.ShouldBe(404);
    }

    static async Task<int> RunAsync(LiveApp app, Func<InspectionPlanning, Task<int>> pass)
    {
        using var scope = app.Services.CreateScope();
        return await pass(scope.ServiceProvider.GetRequiredService<InspectionPlanning>());
    }
}
