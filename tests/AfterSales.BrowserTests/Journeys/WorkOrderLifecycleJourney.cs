using System.Text.RegularExpressions;
using AfterSales.Features.Demo;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static AfterSales.BrowserTests.Journeys.WorkOrderSteps;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>
/// A hotline request from intake to closing, each role on its own screen: the agent at a desk,
/// the dispatcher and the expert at the board, the technician and the customer on phones. Only
/// master data (the demo customers, contracts and assets) and users are arranged; other requests
/// come in through the API as a mail or fax gateway would send them; the fake clock moves between
/// the steps as the day would (10:00 in Shanghai at the start).
/// </summary>
public sealed class WorkOrderLifecycleJourney
{
    const string School = "杭州市第一中学";
    const string Hospital = "浙江省人民医院";

    [Fact]
    public async Task A_hotline_request_goes_from_intake_to_closing_across_the_roles()
    {
        await using var app = new LiveApp();
        await TechnicianAsync(app, "zhougong", "周工");
        var hospitalUser = await app.CreateUserAsync(
            "hospital",
            Roles.Customer,
            await app.DbAsync(db => db.Customers.Where(c => c.Name == Hospital).Select(c => c.Id).SingleAsync())
        );
        using var gateway = await ApiClientAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await browser.JourneyAsync(
            "lifecycle",
            async () =>
            {
                // Mailed overnight, so due before the call that follows.
                var mailed = await OtherRequestAsync(
                    gateway,
                    app,
                    Hospital,
                    "门诊楼三楼电梯厅导视牌脱落",
                    "Email",
                    app.Clock.GetUtcNow().AddHours(-1)
                );
                var agent = await browser.NewPageAsync(app.BaseUrl);
                var (id, number) = await AgentLogsTheCallAsync(agent);

                // Faxed a few minutes after the call, so due after it.
                app.Clock.Advance(TimeSpan.FromMinutes(3));
                var faxed = await OtherRequestAsync(
                    gateway,
                    app,
                    "华东建设集团有限公司",
                    "江南大道灯杆旗两面褪色",
                    "Fax",
                    app.Clock.GetUtcNow()
                );
                await AgentRespondsAndDiagnosesAsync(app, agent);
                await DispatcherSendsATechnicianAsync(app, browser, id, number, [mailed.Id, id, faxed.Id]);
                await ExpertRecordsMeasuresAsync(app, browser, id);
                var visitId = await TechnicianVisitsOnAPhoneAsync(app, browser, id, number);
                await AgentConfirmsAndClosesAsync(app, agent, visitId);
                await CustomersSeeOnlyTheirOwnAsync(app, browser, hospitalUser, id, number, visitId, mailed);
            }
        );
    }

    /// <summary>1. The caller's number finds the school; a major fault on the billboard; the clocks start.</summary>
    static async Task<(long Id, string Number)> AgentLogsTheCallAsync(IPage agent)
    {
        await agent.SignInAsync("agent", DemoData.Password);
        var id = await LogRequestAsync(
            agent,
            "13857112345",
            School,
            "西校区正门两侧",
            "西校区正门广告牌面板松动，大风时有坠落风险",
            major: true,
            shot: "lifecycle-1-intake-1280"
        );
        var number = await agent.Locator("#number").InnerTextAsync();
        number.ShouldMatch(@"^GD-20261125-\d{4}$");
        number.ShouldBe("GD-20261125-0002"); // the mailed request took 0001
        await Assertions.Expect(agent.Locator("main > .alert-success")).ToContainTextAsync($"已受理工单 {number}");
        await Assertions.Expect(agent.Locator("#received-at")).ToContainTextAsync("2026-11-25 10:00");
        await Assertions.Expect(agent.Locator("#charge")).ToHaveTextAsync("免费");
        await Assertions.Expect(agent.Locator("#coverage-reason")).ToContainTextAsync("质保期内");
        await Assertions.Expect(agent.Locator("#major")).ToBeVisibleAsync();
        await Assertions.Expect(Clock(agent, "Response")).ToHaveAttributeAsync("data-state", "Running");
        await Assertions.Expect(Clock(agent, "Response").Locator(".clock-due")).ToHaveTextAsync("2026-11-25 14:00");
        await Assertions.Expect(Clock(agent, "Expert")).ToHaveAttributeAsync("data-state", "Running");
        await Assertions.Expect(Clock(agent, "Restore")).ToHaveAttributeAsync("data-state", "Running");
        await Assertions.Expect(Clock(agent, "OnSite")).ToHaveCountAsync(0); // armed by dispatch
        await Assertions.Expect(agent.Locator("#action-errors")).ToBeHiddenAsync();
        await agent.ShotAsync("lifecycle-1-opened-1280");
        return (id, number);
    }

    /// <summary>2. The first human response meets the response clock; remote help fails.</summary>
    static async Task AgentRespondsAndDiagnosesAsync(LiveApp app, IPage agent)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await RecordAsync(agent, "respond", "响应客户", "已致电王建国：请先在广告牌下方拉警戒线，专家和工程师马上跟进");
        await Assertions.Expect(Clock(agent, "Response")).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(Clock(agent, "Response").Locator(".clock-met")).ToHaveTextAsync("2026-11-25 10:05");
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await RecordAsync(agent, "remote-diagnosis", "远程诊断", "视频指导后勤检查固定螺栓，螺栓锈断，需上门更换");
        await Assertions.Expect(agent.Locator("#status")).ToHaveTextAsync("处理中");
        await agent.ShotAsync("lifecycle-2-responded-1280");
    }

    /// <summary>3. Nearest due first; found by a Chinese word; sent out, then reassigned with a reason.</summary>
    static async Task DispatcherSendsATechnicianAsync(LiveApp app, IBrowser browser, long id, string number, long[] byDue)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var dispatcher = await browser.NewPageAsync(app.BaseUrl);
        await dispatcher.SignInAsync("dispatcher", DemoData.Password);
        await dispatcher.FollowMenuAsync("#nav-dispatch");
        var rows = dispatcher.Locator(".board-row");
        await Assertions.Expect(rows).ToHaveCountAsync(byDue.Length);
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.id)")).ShouldBe([.. byDue.Select(x => x.ToString())]);
        await dispatcher.FillAsync("#q", "广告牌");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = dispatcher.Locator($".board-row[data-id='{id}']");
        await Assertions.Expect(row.Locator(".wo-number")).ToHaveTextAsync(number);
        await dispatcher.ShotAsync("lifecycle-3-board-1280");

        await AssignAsync(dispatcher, id, "周工", null);
        await Assertions.Expect(dispatcher).ToHaveURLAsync(new Regex(@"/Dispatch\?q="));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await AssignAsync(dispatcher, id, "维修工程师（演示）", "周工临时被调往滨江现场，改派值班工程师");
        await dispatcher.ShotAsync("lifecycle-3-assigned-1280");

        await row.Locator(".wo-number").ClickAsync();
        await dispatcher.WaitForURLAsync(DetailUrl());
        await Assertions.Expect(dispatcher.Locator("#technician")).ToHaveTextAsync("维修工程师（演示）");
        await Assertions.Expect(Clock(dispatcher, "OnSite")).ToHaveAttributeAsync("data-state", "Running");
        await Assertions.Expect(Clock(dispatcher, "OnSite").Locator(".clock-due")).ToHaveTextAsync("2026-11-26 10:00");
    }

    /// <summary>The expert called in on a major problem finds it on the board and records the measures.</summary>
    static async Task ExpertRecordsMeasuresAsync(LiveApp app, IBrowser browser, long id)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        var expert = await browser.NewPageAsync(app.BaseUrl);
        await expert.SignInAsync("expert", DemoData.Password);
        await expert.FollowMenuAsync("#nav-dispatch");
        await expert.CheckAsync("#major");
        await Assertions.Expect(expert.Locator(".board-row")).ToHaveCountAsync(1);
        await expert.Locator($".board-row[data-id='{id}'] .wo-number").ClickAsync();
        await expert.WaitForURLAsync(DetailUrl());
        await RecordAsync(expert, "expert-measures", "专家措施", "临时用钢丝绳加固面板四角，封闭正门东侧通道，待更换螺栓");
        await Assertions.Expect(Clock(expert, "Expert")).ToHaveAttributeAsync("data-state", "Met");
        await expert.ShotAsync("lifecycle-3-expert-1280");
    }

    /// <summary>4. At 360 px: my work orders, check-in, photos, work record, restored, signature, rating, check-out, report.</summary>
    static async Task<long> TechnicianVisitsOnAPhoneAsync(LiveApp app, IBrowser browser, long id, string number)
    {
        app.Clock.Advance(TimeSpan.FromHours(2));
        var tech = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await tech.SignInAsync("tech", DemoData.Password);
        await tech.FollowMenuAsync("#nav-my");
        var card = tech.Locator($".work-order-card[data-id='{id}']");
        await Assertions.Expect(card).ToContainTextAsync(number);
        await tech.ShotAsync("lifecycle-4-my-360");
        await card.ClickAsync();
        await Assertions.Expect(tech.Locator("#number")).ToHaveTextAsync(number);

        await tech.FillAsync("#checkIn_Location", "西校区正门");
        await tech.ClickAsync("#check-in");
        await Assertions.Expect(tech.Locator("#checked-in")).ToContainTextAsync("2026-11-25 13:00");
        await UploadPhotoAsync(tech, "维修前", 1);

        const string Analysis = "安装时螺栓未做防锈处理，锈蚀断裂导致面板松动";
        await tech.FillAsync("#Work_WorkDone", "更换广告牌面板固定螺栓 8 只，复紧全部连接件");
        await tech.SelectOptionAsync("#Work_FaultCause", "InstallationDefect");
        await tech.FillAsync("#Work_FaultAnalysis", Analysis);
        await tech.FillAsync("#Work_RepairSteps", "拉警戒线；拆下旧螺栓；更换不锈钢螺栓；逐个复紧并检查");
        await tech.FillAsync("input[name='Work.Items[0].Part']", "不锈钢膨胀螺栓 M10");
        await tech.FillAsync("input[name='Work.Items[0].Quantity']", "8");
        await tech.ClickAsync("#save-work");
        await Assertions.Expect(tech.Locator("main > .alert-success")).ToContainTextAsync("已保存工作记录");
        await Assertions.Expect(tech.Locator("#Work_FaultAnalysis")).ToHaveValueAsync(Analysis);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await tech.FillAsync("#restore_Note", "面板已牢固，拆除警戒线");
        await tech.ClickAsync("#restore");
        await Assertions.Expect(tech.Locator("#restored")).ToBeVisibleAsync();
        await UploadPhotoAsync(tech, "维修后", 2);
        await tech.ShotAsync("lifecycle-4-work-360");

        // The customer signs with a finger (the mouse here) on the pad, on screen, once its script listens.
        await tech.WaitForLoadStateAsync();
        await tech.Locator("#signature-pad").ScrollIntoViewIfNeededAsync();
        var pad = (await tech.Locator("#signature-pad").BoundingBoxAsync())!;
        await tech.Mouse.MoveAsync(pad.X + 20, pad.Y + 100);
        await tech.Mouse.DownAsync();
        await tech.Mouse.MoveAsync(pad.X + 90, pad.Y + 30, new() { Steps = 8 });
        await tech.Mouse.MoveAsync(pad.X + 160, pad.Y + 110, new() { Steps = 8 });
        await tech.Mouse.MoveAsync(pad.X + 240, pad.Y + 40, new() { Steps = 8 });
        await tech.Mouse.UpAsync();
        await tech.FillAsync("#sign_SignerName", "王建国");
        await tech.ClickAsync("#sign");
        await Assertions.Expect(tech.Locator("#signature-image")).ToBeVisibleAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await tech.SelectOptionAsync("#checkOut_Rating", "5");
        await tech.FillAsync("#checkOut_Comment", "响应很快，处理专业");
        await tech.ClickAsync("#check-out");
        await Assertions.Expect(tech.Locator("#last-visit")).ToContainTextAsync("2026-11-25 13:00 – 2026-11-25 14:15");
        await tech.ShotAsync("lifecycle-4-checked-out-360");
        (await tech.OverflowsAsync()).ShouldBeFalse("the visit screen must fit a 360 px phone");

        var report = tech.Locator("#last-visit #report");
        var text = await PdfTextAsync(await DownloadPdfAsync(tech, report));
        text.ShouldContain(number);
        text.ShouldContain("售后服务报告");
        text.ShouldContain(School);
        text.ShouldContain(Analysis);
        text.ShouldContain("王建国");
        var href = (await report.GetAttributeAsync("href"))!; // /Visits/{visitId}/report.pdf
        return long.Parse(href.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>5. Confirmed with the customer and closed: the timeline in order, every clock met.</summary>
    static async Task AgentConfirmsAndClosesAsync(LiveApp app, IPage agent, long visitId)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(45));
        await agent.ReloadAsync();
        await Assertions.Expect(agent.Locator("#status")).ToHaveTextAsync("已恢复");
        await RecordAsync(agent, "confirm", "客户确认", "回访王建国：广告牌已牢固，同意结单");
        // Closing answers with the customer's personal satisfaction-survey link (满意度回访).
        await RecordAsync(agent, "close", "关闭", flash: "已关闭工单，请将满意度回访链接发给客户：http");
        await Assertions.Expect(agent.Locator("#status")).ToHaveTextAsync("已关闭");
        (await agent.Locator("#timeline .timeline-entry[data-kind='event'] .timeline-title").AllInnerTextsAsync()).ShouldBe([
            "受理",
            "保修判定",
            "响应客户",
            "远程诊断",
            "派单",
            "改派",
            "专家措施",
            "到达现场",
            "恢复运行",
            "客户确认",
            "关闭",
        ]);
        await Assertions.Expect(agent.Locator("#clocks .clock")).ToHaveCountAsync(4);
        await Assertions.Expect(agent.Locator("#clocks .clock[data-state='Met']")).ToHaveCountAsync(4);
        await Assertions.Expect(agent.Locator($"#visits .visit[data-id='{visitId}']")).ToContainTextAsync("王建国");
        await agent.ShotAsync("lifecycle-5-closed-1280");
    }

    /// <summary>6. The school's contact reads the work order on a phone and downloads the report; the hospital's gets "not found".</summary>
    static async Task CustomersSeeOnlyTheirOwnAsync(
        LiveApp app,
        IBrowser browser,
        AppUser hospitalUser,
        long id,
        string number,
        long visitId,
        WorkOrderOutput hospitals
    )
    {
        var customer = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await customer.SignInAsync("customer", DemoData.Password);
        await customer.FollowMenuAsync("#nav-card");
        var listed = customer.Locator($"#customer-work-orders tr[data-id='{id}']");
        await Assertions.Expect(listed).ToContainTextAsync("已关闭");
        await listed.Locator("a.work-order-number").ClickAsync();
        await customer.WaitForURLAsync(DetailUrl());
        await Assertions.Expect(customer.Locator("#number")).ToHaveTextAsync(number);
        await Assertions.Expect(customer.Locator("#actions")).ToHaveCountAsync(0);
        await Assertions.Expect(customer.Locator("#clocks .clock[data-state='Met']")).ToHaveCountAsync(4);
        await customer.ShotAsync("lifecycle-6-customer-360");
        (await customer.OverflowsAsync()).ShouldBeFalse("the work-order page must fit a 360 px phone");
        var report = await DownloadPdfAsync(customer, customer.Locator($"#visits .visit[data-id='{visitId}'] a.service-report"));
        (await PdfTextAsync(report)).ShouldContain(number);

        var stranger = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await stranger.SignInAsync(hospitalUser.UserName!, AppFactory.Password);
        var denied = await stranger.GotoAsync($"/WorkOrders/{id}");
        denied!.Status.ShouldBe(404);
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("页面不存在");
        await stranger.ShotAsync("lifecycle-6-stranger-360");
        (await stranger.Context.APIRequest.GetAsync($"/Visits/{visitId}/report.pdf")).Status.ShouldBe(404);
        (await stranger.Context.APIRequest.GetAsync($"/WorkOrders/{hospitals.Id}")).Status.ShouldBe(200);
    }

    static async Task UploadPhotoAsync(IPage tech, string moment, int count)
    {
        var form = tech.Locator(".photo-form", new() { Has = tech.Locator($"button:text-is('{moment}')") });
        var photo = new FilePayload
        {
            Name = $"{moment}.png",
            MimeType = "image/png",
            Buffer = Browser.Png(colour: count == 1 ? 0xFFC0392B : 0xFF27AE60),
        };
        await form.Locator("input[type=file]").SetInputFilesAsync(photo);
        await form.Locator("button").ClickAsync();
        await Assertions.Expect(tech.Locator("#photos .photo")).ToHaveCountAsync(count);
    }

    /// <summary>派单 or 改派 inside the board row: the form comes in by htmx, the whole board reloads after.</summary>
    static async Task AssignAsync(IPage page, long id, string technician, string? reason)
    {
        await page.Locator($"#assign-{id} a").ClickAsync();
        var form = page.Locator($"#assign-form-{id}");
        await form.Locator("select[name='Input.TechnicianId']").SelectOptionAsync(new SelectOptionValue { Label = technician });
        if (reason is not null)
            await form.Locator("input[name='Input.Reason']").FillAsync(reason);
        await form.Locator("button.btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator($".board-row[data-id='{id}'] .wo-technician")).ToHaveTextAsync(technician);
        await page.WaitForLoadStateAsync(); // htmx must own the row links again before the next click
    }
}
