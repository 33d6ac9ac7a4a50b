using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>DESIGN §6 end to end: a complaint from a call, handled by the principles and closed with responsibility.</summary>
public sealed class ComplaintJourneyTests
{
    [Fact]
    public async Task A_major_complaint_is_escalated_explained_remedied_and_closed_with_responsibility()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync("安装的灯箱三天不亮，维修人员态度恶劣", ComplaintCategory.StaffAttitude, major: true, callId: 4711);
        var agent = await app.SignInAsync(Roles.Agent);
        var manager = await app.SignInAsync(Roles.Manager, userName: "manager-li");

        var filed = await world.FindAsync(id);
        filed.Number.ShouldBe("TS-20261125-0001");
        filed.CallId.ShouldBe(4711);
        filed.Clocks.Select(c => c.Kind).Order().ShouldBe([ClockKind.ComplaintReply, ClockKind.ComplaintExplanation]);
        filed.ClockOf(ClockKind.ComplaintReply)!.DueUtc.ShouldBe(AppFactory.T0.UtcDateTime.AddHours(24));

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await OkAsync(
            ActAsync(
                agent,
                id,
                "Acknowledge",
                new()
                {
                    ["Thanked"] = "true",
                    ["HeardOut"] = "true",
                    ["Apologised"] = "true",
                }
            )
        );
        await OkAsync(ActAsync(agent, id, "Note", new() { ["Note"] = "调取工单记录，核实维修人员当日行为" }));
        await OkAsync(
            ActAsync(agent, id, "Escalate", new() { ["EscalatedTo"] = "manager-li", ["EscalationReason"] = "客户要求的补偿超出专员权限" })
        );
        // The manager it was escalated to finds it in their inbox, linked to the case.
        var inbox = await manager.GetPageAsync("/Alerts");
        inbox.QuerySelector($".alert-row a[href='/Complaints/{id}']").ShouldNotBeNull().TextContent.ShouldBe("TS-20261125-0001");
        inbox.Text("#alerts").ShouldContain("投诉已升级给您");
        app.Clock.Advance(TimeSpan.FromHours(2));
        // 2026-11-27 18:00 Beijing time, two days ahead.
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Explain",
                new()
                {
                    ["ExplanationText"] = "经调查，灯箱电源故障，维修延误并态度不当",
                    ["ExplanationChannel"] = "Email",
                    ["CommittedResolution"] = "2026-11-27T18:00",
                }
            )
        );
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Remedy",
                new()
                {
                    ["Kind"] = "Compensation",
                    ["Amount"] = "500.00",
                    ["Detail"] = "补偿并免费更换电源",
                }
            )
        );
        await OkAsync(ActAsync(manager, id, "Answer", new() { ["Accepted"] = "true", ["Satisfaction"] = "4" }));
        await OkAsync(ActAsync(manager, id, "Close", Responsibility(penalty: "Fine", amount: "200")));

        var closed = await world.FindAsync(id);
        closed.Status.ShouldBe(ComplaintStatus.Closed);
        (closed.Thanked, closed.HeardOut, closed.Apologised).ShouldBe((true, true, true));
        (closed.EscalatedTo, closed.EscalatedToUserId).ShouldBe(("manager-li", (await app.UserAsync("manager-li")).Id));
        (closed.ExplanationChannel, closed.ExplainedAtUtc).ShouldBe((ComplaintChannel.Email, AppFactory.T0.UtcDateTime.AddHours(2.5)));
        closed.CommittedResolutionUtc.ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
        closed.Remedy.ShouldBe(RemedyKind.Compensation);
        closed.RemedyAmountFen.ShouldBe(50_000);
        (closed.CustomerAccepted, closed.Satisfaction).ShouldBe((true, 4));
        (closed.ResponsibleStaff, closed.Penalty, closed.PenaltyFen).ShouldBe(("张伟", InternalPenalty.Fine, 20_000L));
        closed.Summary.ShouldNotBeNullOrWhiteSpace();
        var resolution = closed.ClockOf(ClockKind.ComplaintResolution).ShouldNotBeNull();
        resolution.DueUtc.ShouldBe(closed.CommittedResolutionUtc);
        closed.Clocks.ShouldAllBe(c => c.MetAtUtc != null);
        closed
            .Events.OrderBy(e => e.Id)
            .Select(e => e.Type)
            .ShouldBe([
                ComplaintEventType.Received,
                ComplaintEventType.Acknowledged,
                ComplaintEventType.Note,
                ComplaintEventType.Escalated,
                ComplaintEventType.Explained,
                ComplaintEventType.RemedyProposed,
                ComplaintEventType.RemedyAnswered,
                ComplaintEventType.Closed,
            ]);
        var audited = await app.DbAsync(db =>
            db.AuditEntries.CountAsync(a =>
                a.EntityType == nameof(Complaint) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            )
        );
        audited.ShouldBeGreaterThan(5);

        var page = await manager.GetPageAsync($"/Complaints/{id}");
        page.Text("#complaint-status").ShouldBe("已结案");
        page.QuerySelector("#close-form").ShouldBeNull();
        var penalties = await manager.GetPageAsync("/Complaints/Penalties");
        var person = penalties.QuerySelector(".staff-penalties[data-staff='张伟']").ShouldNotBeNull();
        person.QuerySelector(".fines-total")!.TextContent.ShouldBe("¥200.00");
    }

    [Fact]
    public async Task The_api_replays_a_retried_intake_with_the_same_idempotency_key()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);
        var body = new
        {
            customerId = world.CustomerId,
            category = ComplaintCategory.ResponseTime,
            description = "热线无人接听",
        };

        var first = await Send();
        var second = await Send();

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadJsonAsync<ComplaintOutput>()).Id.ShouldBe((await first.ReadJsonAsync<ComplaintOutput>()).Id);
        (await app.DbAsync(db => db.Complaints.CountAsync())).ShouldBe(1);

        Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
            {
                Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpExtensions.Json),
            };
            request.Headers.Add("Idempotency-Key", "call-4711");
            return api.SendAsync(request);
        }
    }

    [Fact]
    public async Task An_agent_files_a_complaint_from_a_logged_call_on_the_intake_page()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);

        var form = await agent.GetPageAsync($"/Complaints/New?customerId={world.CustomerId}&callId=99");
        form.QuerySelector("#call-link").ShouldNotBeNull();
        var r = await agent.PostFormAsync(
            "/Complaints/New",
            new()
            {
                ["Input.CustomerId"] = world.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.CallId"] = "99",
                ["Input.Category"] = "ServiceResult",
                ["Input.Channel"] = "Phone",
                ["Input.Description"] = "门牌更换后字迹模糊",
                ["Input.ReceivedAt"] = "2026-11-25T10:00",
            },
            $"/Complaints/New?customerId={world.CustomerId}&callId=99"
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var c = await app.DbAsync(db => db.Complaints.SingleAsync());
        (c.CustomerId, c.CallId, c.Category, c.Channel).ShouldBe(
            (world.CustomerId, (long?)99, ComplaintCategory.ServiceResult, ComplaintChannel.Phone)
        );
        r.Headers.Location!.OriginalString.ShouldBe($"/Complaints/{c.Id}");
    }

    [Fact]
    public async Task A_complaint_clock_breach_is_recorded_once_however_often_detection_runs()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        await ScanAsync(app);
        await ScanAsync(app);

        var c = await world.FindAsync(id);
        c.ClockOf(ClockKind.ComplaintReply)!.BreachedAtUtc.ShouldBe(AppFactory.T0.UtcDateTime.AddHours(24));
        c.Events.Count(e => e.Type == ComplaintEventType.ClockBreached).ShouldBe(1);
        c.Events.Count(e => e.Type == ComplaintEventType.ClockDueSoon).ShouldBe(0);
        (await app.DbAsync(db => db.Alerts.CountAsync(a => a.ComplaintId == id && a.Type == AlertType.Breached))).ShouldBe(1);
        var agent = await app.SignInAsync(Roles.Agent);
        var list = await agent.GetPageAsync("/Complaints");
        list.QuerySelectorAll(".complaint-alert").Length.ShouldBe(1);
        // The complaint desk's alert is in every agent's inbox and badge, linked to the case; a dispatcher's inbox does not have it.
        var inbox = await agent.GetPageAsync("/Alerts");
        inbox.QuerySelectorAll(".alert-row").ShouldHaveSingleItem().QuerySelector($"a[href='/Complaints/{id}']").ShouldNotBeNull();
        inbox.Text("#unread-count").ShouldBe("1");
        (await (await app.SignInAsync(Roles.Dispatcher)).GetPageAsync("/Alerts"))
            .QuerySelector($"a[href='/Complaints/{id}']")
            .ShouldBeNull();
    }

    [Fact]
    public async Task Two_instances_scanning_at_once_warn_of_a_reply_due_soon_once()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        app.Clock.Advance(TimeSpan.FromHours(18));

        await Task.WhenAll(ScanAsync(app), ScanAsync(app));

        var c = await world.FindAsync(id);
        var due = c.Events.Where(e => e.Type == ComplaintEventType.ClockDueSoon).ShouldHaveSingleItem();
        due.OccurredAtUtc.ShouldBe(AppFactory.T0.UtcDateTime.AddHours(18));
        c.ClockOf(ClockKind.ComplaintReply)!.BreachedAtUtc.ShouldBeNull();
        (await app.DbAsync(db => db.Alerts.CountAsync(a => a.ComplaintId == id && a.Type == AlertType.DueSoon))).ShouldBe(1);
    }

    [Fact]
    public async Task A_re_service_remedy_opens_a_linked_work_order_through_intake()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync("广告牌维修后仍然松动", ComplaintCategory.ServiceResult);
        var agent = await app.SignInAsync(Roles.Agent);

        await OkAsync(ActAsync(agent, id, "Remedy", new() { ["Kind"] = "ReService", ["Detail"] = "重新加固广告牌" }));

        var c = await world.FindAsync(id);
        var workOrderId = c.RemedyWorkOrderId.ShouldNotBeNull();
        var w = await app.DbAsync(db => db.WorkOrders.Include(x => x.Clocks).SingleAsync(x => x.Id == workOrderId));
        w.CustomerId.ShouldBe(world.CustomerId);
        w.Number.ShouldStartWith("GD-20261125-");
        w.Description.ShouldContain(c.Number);
        w.Clocks.ShouldNotBeEmpty();
        (await agent.GetPageAsync($"/Complaints/{id}")).QuerySelector("#remedy-work-order").ShouldNotBeNull();
    }

    static async Task ScanAsync(AppFactory app)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        await Microsoft
            .Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AfterSales.Features.Complaints.Clocks.ComplaintBreachDetection>(
                scope.ServiceProvider
            )
            .ScanOnceAsync(CancellationToken.None);
    }
}
