using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AfterSales.Features.Demo;
using AfterSales.Features.Hotline;
using AfterSales.Features.Satisfaction;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>
/// A complaint by phone from the ring to the customer's rating: the phone system reports the
/// call, the agent takes the complaint from the call log with the school already found by the
/// caller's number and handles it by the principles; the manager closes it with a responsibility
/// finding and is handed the personal survey link; the caller rates it on a phone, without logging in.
/// </summary>
public sealed partial class ComplaintFromCallJourney
{
    const string School = "杭州市第一中学";
    const string Description = "维修师傅上门迟到一天，还对学校老师态度生硬";

    [Fact]
    public async Task An_agent_takes_a_complaint_from_a_call_a_manager_closes_it_and_the_customer_rates_it_by_link()
    {
        await using var app = new LiveApp();
        var callId = await PhoneSystemReportsACallAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await browser.JourneyAsync(
            "complaint",
            async () =>
            {
                var id = await AgentTakesTheComplaintFromTheCallAsync(app, browser, callId);
                var link = await ManagerClosesWithResponsibilityAsync(app, browser, id);
                await CustomerRatesThroughTheLinkAsync(browser, app, link);
                await ManagerSeesTheRatingAsync(browser, app, id);
            }
        );
    }

    /// <summary>The phone system: rang at 09:59:52, answered at the second ring, through the CTI API.</summary>
    static async Task<long> PhoneSystemReportsACallAsync(LiveApp app)
    {
        var secret = await app.DbAsync(async db =>
        {
            var (key, secret) = ApiKey.Create("cti", [Policies.LogCalls], "test", app.Clock.GetUtcNow().UtcDateTime);
            db.Add(key);
            await db.SaveChangesAsync();
            return secret;
        });
        using var cti = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        cti.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var now = app.Clock.GetUtcNow();
        long callId = 0;
        foreach (var (eventId, type, at) in new[] { ("pbx-1", "ringing", now.AddSeconds(-8)), ("pbx-2", "answered", now.AddSeconds(-2)) })
        {
            var r = await cti.PostAsJsonAsync(
                "/api/v1/calls/events",
                new
                {
                    eventId,
                    callId = "pbx-call-501",
                    type,
                    at,
                    callerNumber = "13857112345",
                    agent = "8001",
                }
            );
            r.IsSuccessStatusCode.ShouldBeTrue(await r.Content.ReadAsStringAsync());
            callId = (await r.Content.ReadFromJsonAsync<CallEventOutput>(HttpExtensions.Json))!.CallId;
        }
        return callId;
    }

    /// <summary>1. From the call log: the school is found by the number, the caller is the contact; thanked, heard, apologised; answered.</summary>
    static async Task<long> AgentTakesTheComplaintFromTheCallAsync(LiveApp app, IBrowser browser, long callId)
    {
        var agent = await browser.NewPageAsync(app.BaseUrl);
        await agent.SignInAsync("agent", DemoData.Password);
        await agent.GotoAsync("/Hotline");
        var row = agent.Locator($"#call-{callId}");
        await Assertions.Expect(row.Locator(".customer")).ToContainTextAsync(School);
        await Assertions.Expect(row.Locator(".met")).ToBeVisibleAsync();
        await row.Locator($"#open-complaint-{callId}").ClickAsync();

        await Assertions.Expect(agent.Locator("#customer-name")).ToHaveTextAsync(School);
        await Assertions.Expect(agent.Locator("#call-link")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#Input_ContactName")).ToHaveValueAsync("王建国");
        await Assertions.Expect(agent.Locator("#Input_ContactPhone")).ToHaveValueAsync(new Regex("13857112345$"));
        await agent.SelectOptionAsync("#Input_Category", "StaffAttitude");
        await agent.SelectOptionAsync("#Input_Channel", "Phone");
        await agent.FillAsync("#Input_Description", Description);
        await agent.FillAsync("#Input_Wish", "要求更换维修人员并书面道歉");
        await agent.FillAsync("#Input_StaffMember", "周工");
        await agent.ShotAsync("complaint-1-intake-1280");
        await agent.ClickAsync("#file-complaint");
        await agent.WaitForURLAsync(DetailUrl());
        await Assertions.Expect(agent.Locator("main > .alert-success")).ToContainTextAsync("已受理投诉");
        await Assertions.Expect(agent.Locator("#complaint-description")).ToHaveTextAsync(Description);
        await Assertions.Expect(agent.Locator("#complaint-call")).ToHaveTextAsync($"#{callId}");
        var id = long.Parse(DetailUrl().Match(agent.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await agent.CheckAsync("#Input_Thanked");
        await agent.CheckAsync("#Input_HeardOut");
        await agent.CheckAsync("#Input_Apologised");
        await SubmitAsync(agent, "#acknowledge");
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        await agent.FillAsync("#Input_ReplyText", "已致电王建国老师说明情况并致歉，更换维修人员");
        await agent.SelectOptionAsync("#Input_ReplyChannel", "Phone");
        await SubmitAsync(agent, "#reply");
        await agent.SelectOptionAsync("#Input_Kind", "Apology");
        await agent.FillAsync("#Input_Detail", "书面道歉并更换维修人员");
        await SubmitAsync(agent, "#propose-remedy");
        await agent.CheckAsync("#Input_Accepted");
        await agent.SelectOptionAsync("#Input_Satisfaction", "4");
        await agent.ClickAsync("#answer-remedy");
        await Assertions.Expect(agent.Locator("#remedy-answer")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#close-form")).ToHaveCountAsync(0); // an agent does not close
        await agent.ShotAsync("complaint-1-handled-1280");

        await agent.GotoAsync("/Hotline");
        await Assertions.Expect(agent.Locator($"#complaint-of-{callId}")).ToHaveAttributeAsync("href", $"/Complaints/{id}");
        return id;
    }

    /// <summary>2. The manager determines responsibility, closes the case and is given the link to send.</summary>
    static async Task<string> ManagerClosesWithResponsibilityAsync(LiveApp app, IBrowser browser, long id)
    {
        app.Clock.Advance(TimeSpan.FromHours(2));
        var manager = await browser.NewPageAsync(app.BaseUrl);
        await manager.SignInAsync("manager", DemoData.Password);
        await manager.GotoAsync($"/Complaints/{id}");
        await manager.FillAsync("#Input_ResponsibleStaff", "周工");
        await manager.FillAsync("#Input_ResponsibleDepartment", "售后服务部");
        await manager.FillAsync("#Input_Finding", "派工后未按约定时间上门，沟通时语气生硬，投诉属实");
        await manager.FillAsync("#Input_Improvement", "上门时间变更须提前告知客户；组织服务礼仪培训");
        await manager.SelectOptionAsync("#Input_Penalty", "Warning");
        await manager.FillAsync("#Input_Summary", "上门迟到且态度生硬，道歉并更换人员，客户接受");
        await manager.ShotAsync("complaint-2-closing-1280");
        await manager.ClickAsync("#close-complaint");
        var flash = manager.Locator("main > .alert-success");
        await Assertions.Expect(flash).ToContainTextAsync("投诉已结案，请将满意度回访链接发给客户");
        await Assertions.Expect(manager.Locator("#complaint-status")).ToHaveTextAsync("已结案");
        await Assertions.Expect(manager.Locator("#complaint-responsibility")).ToContainTextAsync("周工");
        await Assertions.Expect(manager.Locator("#satisfaction-pending")).ToBeVisibleAsync();
        await manager.ShotAsync("complaint-2-closed-1280");
        var link = SurveyLink().Match(await flash.InnerTextAsync());
        link.Success.ShouldBeTrue();
        return link.Value;
    }

    /// <summary>3. On a phone, with no account: rates the case once; the same link then refuses.</summary>
    static async Task CustomerRatesThroughTheLinkAsync(IBrowser browser, LiveApp app, string link)
    {
        app.Clock.Advance(TimeSpan.FromHours(5));
        var customer = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await customer.GotoAsync(link);
        await Assertions.Expect(customer.Locator("#survey-subject")).ToContainTextAsync("TS-20261125-");
        await customer.CheckAsync("#rating-5");
        await customer.FillAsync("#Input_Comment", "处理很快，新师傅很耐心");
        await customer.ShotAsync("complaint-3-survey-360");
        (await customer.OverflowsAsync()).ShouldBeFalse("the survey must fit a 360 px phone");
        await customer.ClickAsync("#submit-rating");
        await Assertions.Expect(customer.Locator("#survey-thanks")).ToBeVisibleAsync();

        var again = await customer.GotoAsync(link);
        again!.Status.ShouldBe(410);
        await Assertions.Expect(customer.Locator("#survey-refused")).ToHaveTextAsync("该回访已评价，链接只能使用一次");
        await customer.ShotAsync("complaint-3-used-360");
    }

    /// <summary>4. The rating shows on the complaint.</summary>
    static async Task ManagerSeesTheRatingAsync(IBrowser browser, LiveApp app, long id)
    {
        var manager = await browser.NewPageAsync(app.BaseUrl);
        await manager.SignInAsync("manager", DemoData.Password);
        await manager.GotoAsync($"/Complaints/{id}");
        await Assertions.Expect(manager.Locator("#satisfaction-rating")).ToContainTextAsync("5 / 5");
        await Assertions.Expect(manager.Locator("#satisfaction-comment")).ToHaveTextAsync("处理很快，新师傅很耐心");
        (
            await app.DbAsync(db => db.Surveys.CountAsync(s => s.Subject == SurveySubject.Complaint && s.SubjectId == id && s.Rating == 5))
        ).ShouldBe(1);
    }

    /// <summary>Submits one handling form and waits for the step to appear on the timeline.</summary>
    static async Task SubmitAsync(IPage page, string button)
    {
        var entries = page.Locator("#timeline .timeline-title");
        var before = await entries.CountAsync();
        await page.ClickAsync(button);
        await Assertions.Expect(entries).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#action-errors")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"/Complaints/(\d+)$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex(@"/Survey/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyLink();
}
