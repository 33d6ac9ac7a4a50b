using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Features.Complaints.Clocks;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Two handlers on one case, a committed time that passes, a declined remedy: nothing lost, nothing alerted twice.</summary>
public sealed class ComplaintHandlingGuardsTests
{
    [Fact]
    public async Task Two_handlers_saving_the_same_complaint_at_once_the_second_is_refused_and_the_first_kept()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var (db1, db2) = (
            first.ServiceProvider.GetRequiredService<AppDbContext>(),
            second.ServiceProvider.GetRequiredService<AppDbContext>()
        );
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (c1, c2) = (await LoadAsync(db1, id), await LoadAsync(db2, id));

        c1.Investigate("核实了维修记录", now, now, Actor.System);
        c2.Investigate("回访了现场", now, now, Actor.System);
        await db1.SaveComplaintAsync(default);
        var refused = await Should.ThrowAsync<DomainException>(() => db2.SaveComplaintAsync(default));

        refused.Message.ShouldBe("投诉已被他人更新，请刷新后重试");
        var notes = (await world.FindAsync(id)).Events.Where(e => e.Type == ComplaintEventType.Note).Select(e => e.Note);
        notes.ShouldBe(["核实了维修记录"]);
    }

    [Fact]
    public async Task A_form_filled_in_before_someone_else_changed_the_case_is_refused_on_the_page_and_by_the_api()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = await agent.GetPageAsync($"/Complaints/{id}");
        var seen = page.QuerySelector("#note-form input[name='Input.Version']").ShouldNotBeNull().GetAttribute("value")!;
        await OkAsync(ActAsync(agent, id, "Note", new() { ["Note"] = "同事先记录了一条", ["Version"] = seen }));
        var before = await app.SnapshotAsync();

        var stale = await ActAsync(agent, id, "Note", new() { ["Note"] = "基于旧页面的记录", ["Version"] = seen });

        stale.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ErrorsAsync(stale)).ShouldContain("投诉已被他人更新，请刷新后重试");
        (await app.SnapshotAsync()).ShouldBe(before);
        // The API answers with the version, so a client can tell which state it saw.
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);
        var r = await api.PostJsonAsync($"/api/v1/complaints/{id}/notes", new { note = "接口记录" });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.ReadJsonAsync<ComplaintOutput>()).Version.ShouldBe(
            long.Parse(seen, System.Globalization.CultureInfo.InvariantCulture) + 2
        );
    }

    [Fact]
    public async Task A_committed_resolution_time_that_passes_is_a_breach_alerted_once_to_the_desk_and_the_manager()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync(major: true);
        var manager = await app.SignInAsync(Roles.Manager, userName: "manager-li");
        await OkAsync(ActAsync(manager, id, "Escalate", new() { ["EscalatedTo"] = "manager-li", ["EscalationReason"] = "需主管决定赔偿" }));
        // 2026-11-26 12:00 Beijing time, a day after receipt.
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Explain",
                new() { ["ExplanationText"] = "电源故障，明日更换", ["CommittedResolution"] = "2026-11-26T12:00" }
            )
        );
        var committed = new DateTime(2026, 11, 26, 4, 0, 0, DateTimeKind.Utc);
        app.Clock.Advance(committed - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        await ScanAsync(app);
        await ScanAsync(app);

        var c = await world.FindAsync(id);
        c.ClockOf(ClockKind.ComplaintResolution)!.BreachedAtUtc.ShouldBe(committed);
        var alerts = await app.DbAsync(db =>
            db.Alerts.Where(a => a.ComplaintId == id && a.Kind == ClockKind.ComplaintResolution && a.Type == AlertType.Breached)
                .Select(a => a.RecipientKey)
                .ToListAsync()
        );
        alerts.Order().ShouldBe(new[] { Alert.ComplaintDesk, (await app.UserAsync("manager-li")).Id }.Order());
        // A day has passed on the fake clock: the manager signs in again.
        var inbox = await (await app.LogInAsync("manager-li")).GetPageAsync("/Alerts");
        inbox.QuerySelectorAll($".alert-row a[href='/Complaints/{id}']").Length.ShouldBe(3); // escalation, the desk's breach, the manager's breach
        inbox.Text("#alerts").ShouldContain(WorkOrderTitles.Of(ClockKind.ComplaintResolution));
    }

    [Fact]
    public async Task Closing_after_the_customer_declined_the_remedy_stops_the_committed_clock_so_no_alert_follows()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync(major: true);
        var manager = await app.SignInAsync(Roles.Manager);
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Explain",
                new() { ["ExplanationText"] = "电源故障，明日更换", ["CommittedResolution"] = "2026-11-27T12:00" }
            )
        );
        await OkAsync(ActAsync(manager, id, "Remedy", new() { ["Kind"] = "Apology", ["Detail"] = "书面道歉" }));
        await OkAsync(ActAsync(manager, id, "Answer", new() { ["Accepted"] = "false", ["Satisfaction"] = "2" }));
        await OkAsync(ActAsync(manager, id, "Close", Responsibility()));
        var closedAt = app.Clock.GetUtcNow().UtcDateTime;

        app.Clock.Advance(TimeSpan.FromDays(5));
        await ScanAsync(app);

        var c = await world.FindAsync(id);
        var resolution = c.ClockOf(ClockKind.ComplaintResolution)!;
        (resolution.MetAtUtc, resolution.BreachedAtUtc).ShouldBe((closedAt, (DateTime?)null));
        (await app.DbAsync(db => db.Alerts.CountAsync(a => a.ComplaintId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_fairness_justification_stays_internal_the_customer_sees_the_remedy_without_it()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        await OkAsync(
            ActAsync(
                agent,
                id,
                "Remedy",
                new()
                {
                    ["Kind"] = "Gift",
                    ["Amount"] = "100.00",
                    ["Detail"] = "赠送保养一次",
                    ["Justification"] = "该客户合同金额较大，特殊照顾",
                }
            )
        );
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);

        var seen = await customer.GetPageAsync($"/Complaints/{id}");

        seen.Text("#timeline").ShouldContain("赠送保养一次");
        seen.Body!.TextContent.ShouldNotContain("特殊照顾");
        (await agent.GetPageAsync($"/Complaints/{id}")).Body!.TextContent.ShouldContain("特殊照顾");
    }

    static Task<Complaint> LoadAsync(AppDbContext db, long id) =>
        db.Complaints.IgnoreQueryFilters().Include(c => c.Events).Include(c => c.Clocks).AsSplitQuery().SingleAsync(c => c.Id == id);

    static async Task ScanAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ComplaintBreachDetection>().ScanOnceAsync(default);
    }
}
