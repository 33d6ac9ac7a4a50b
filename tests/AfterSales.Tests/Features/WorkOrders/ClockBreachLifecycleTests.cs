using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Breaches;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.WorkOrders;

/// <summary>
/// The lifecycle of WorkOrderLifecycleTests with one clock breached each time (tender terms: on site
/// within 24 h, expert measures within 4 h, restored within 48 h): breach detection marks the
/// clock, alerts the dispatch desk and the assignee, and the timeline says so; the work order
/// still runs to its close and the breach stays.
/// </summary>
public sealed class ClockBreachLifecycleTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task A_technician_arriving_after_the_on_site_deadline_breaches_the_on_site_clock()
    {
        await using var app = new AppFactory();
        var (agent, techId, w) = await OpenAsync(app, major: false);
        w = await ToDispatchAsync(app, agent, w, techId);

        app.Clock.Advance(T0.AddHours(24).AddSeconds(1) - app.Clock.GetUtcNow());
        await ScanAsync(app);
        w = await EventAsync(agent, w, new { type = "arrive", version = w.Version });
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "restore",
                note = "更换灯管",
                version = w.Version,
            }
        );
        w = await CloseAsync(agent, w);

        ClockOf(w, ClockKind.OnSite).State.ShouldBe(ClockState.Breached);
        w.Clocks.Where(c => c.Kind != ClockKind.OnSite).ShouldAllBe(c => c.State == ClockState.Met);
        await BreachRecordedAsync(app, agent, w, ClockKind.OnSite, T0.AddHours(24), techId);
    }

    [Fact]
    public async Task Expert_measures_after_four_hours_breach_the_expert_clock_of_a_major_problem()
    {
        await using var app = new AppFactory();
        var (agent, techId, w) = await OpenAsync(app, major: true);
        ClockOf(w, ClockKind.Expert).DueAt.ShouldBe(T0.UtcDateTime.AddHours(4));
        w = await ToDispatchAsync(app, agent, w, techId);

        app.Clock.Advance(T0.AddHours(4).AddSeconds(1) - app.Clock.GetUtcNow());
        await ScanAsync(app);
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "expert-measures",
                note = "专家远程会诊，先断电",
                version = w.Version,
            }
        );
        w = await EventAsync(agent, w, new { type = "arrive", version = w.Version });
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "restore",
                note = "更换电源",
                version = w.Version,
            }
        );
        w = await CloseAsync(agent, w);

        ClockOf(w, ClockKind.Expert).State.ShouldBe(ClockState.Breached);
        w.Clocks.Where(c => c.Kind != ClockKind.Expert).ShouldAllBe(c => c.State == ClockState.Met);
        await BreachRecordedAsync(app, agent, w, ClockKind.Expert, T0.AddHours(4), techId);
    }

    [Fact]
    public async Task A_problem_flagged_major_later_gets_expert_measures_in_time_and_the_clock_is_met()
    {
        await using var app = new AppFactory();
        var (agent, techId, w) = await OpenAsync(app, major: false);
        w.Clocks.ShouldNotContain(c => c.Kind == ClockKind.Expert);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "respond",
                note = "已致电客户",
                version = w.Version,
            }
        );
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        w = await EventAsync(agent, w, new { type = "flag-major", version = w.Version });
        w.IsMajor.ShouldBeTrue();
        ClockOf(w, ClockKind.Expert).DueAt.ShouldBe(T0.UtcDateTime.AddHours(5));
        var twice = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", new { type = "flag-major", version = w.Version });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromHours(3));
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "expert-measures",
                note = "专家到场评估，加固支架",
                version = w.Version,
            }
        );
        w = await ToDispatchAsync(app, agent, w, techId);
        w = await EventAsync(agent, w, new { type = "arrive", version = w.Version });
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "restore",
                note = "加固完成",
                version = w.Version,
            }
        );
        w = await CloseAsync(agent, w);

        w.Clocks.ShouldAllBe(c => c.State == ClockState.Met);
        ClockOf(w, ClockKind.Expert).MetAt.ShouldBe(T0.UtcDateTime.AddHours(4));
        w.Events!.Select(e => e.Type).ShouldContain(WorkOrderEventType.FlaggedMajor);
        w.Events!.Single(e => e.Type == WorkOrderEventType.ExpertMeasures).Note.ShouldBe("专家到场评估，加固支架");
    }

    [Fact]
    public async Task Service_restored_after_48_hours_breaches_the_restore_clock()
    {
        await using var app = new AppFactory();
        var (agent, techId, w) = await OpenAsync(app, major: false);
        w = await ToDispatchAsync(app, agent, w, techId);
        app.Clock.Advance(TimeSpan.FromHours(3));
        w = await EventAsync(agent, w, new { type = "arrive", version = w.Version });

        app.Clock.Advance(T0.AddHours(48).AddSeconds(1) - app.Clock.GetUtcNow());
        await ScanAsync(app);
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "restore",
                note = "等待配件后更换",
                version = w.Version,
            }
        );
        w = await CloseAsync(agent, w);

        ClockOf(w, ClockKind.Restore).State.ShouldBe(ClockState.Breached);
        w.Clocks.Where(c => c.Kind != ClockKind.Restore).ShouldAllBe(c => c.State == ClockState.Met);
        await BreachRecordedAsync(app, agent, w, ClockKind.Restore, T0.AddHours(48), techId);
    }

    static async Task<(HttpClient Agent, string TechId, WorkOrderOutput W)> OpenAsync(AppFactory app, bool major)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var tech = await app.CreateUserAsync("tech-late", Roles.Technician);
        // A machine client: no session to expire however far the fake clock runs.
        var agent = await app.ApiKeyClientAsync(Policies.HandleWorkOrders, Policies.ReadWorkOrders);
        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "广告牌倾斜",
                cause = "Defect",
                isMajor = major,
            }
        );
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (agent, tech.Id, await created.ReadJsonAsync<WorkOrderOutput>());
    }

    /// <summary>Responded within 20 minutes, remote help failed, technician dispatched.</summary>
    static async Task<WorkOrderOutput> ToDispatchAsync(AppFactory app, HttpClient agent, WorkOrderOutput w, string techId)
    {
        if (w.Clocks.Single(c => c.Kind == ClockKind.Response).MetAt is null)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            w = await EventAsync(
                agent,
                w,
                new
                {
                    type = "respond",
                    note = "已致电客户",
                    version = w.Version,
                }
            );
        }
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "remote-diagnosis",
                solved = false,
                note = "远程指导无效",
                version = w.Version,
            }
        );
        return await EventAsync(
            agent,
            w,
            new
            {
                type = "dispatch",
                technicianId = techId,
                version = w.Version,
            }
        );
    }

    static async Task<WorkOrderOutput> CloseAsync(HttpClient agent, WorkOrderOutput w)
    {
        w = await EventAsync(agent, w, new { type = "confirm", version = w.Version });
        w = await EventAsync(agent, w, new { type = "close", version = w.Version });
        w.Status.ShouldBe(WorkOrderStatus.Closed);
        return w;
    }

    static async Task BreachRecordedAsync(
        AppFactory app,
        HttpClient agent,
        WorkOrderOutput w,
        ClockKind kind,
        DateTimeOffset due,
        string techId
    )
    {
        var clock = ClockOf(w, kind);
        clock.DueAt.ShouldBe(due.UtcDateTime);
        var breach = w.Events!.Where(e => e.Type == WorkOrderEventType.ClockBreached).ShouldHaveSingleItem();
        (breach.OccurredAt, breach.Note).ShouldBe((due.UtcDateTime, WorkOrderTitles.Of(kind)));
        var alerts = await app.DbAsync(db =>
            db.Alerts.AsNoTracking().Where(a => a.WorkOrderId == w.Id && a.Type == AlertType.Breached).ToListAsync()
        );
        alerts.ShouldAllBe(a => a.Kind == kind);
        alerts.Select(a => a.RecipientKey).Order().ShouldBe(new[] { Alert.DispatchDesk, techId }.Order());
        // Reopening keeps the breach.
        var reopened = await EventAsync(
            agent,
            w,
            new
            {
                type = "reopen",
                note = "客户反映仍有问题",
                version = w.Version,
            }
        );
        ClockOf(reopened, kind).State.ShouldBe(ClockState.Breached);
    }

    static ClockOutput ClockOf(WorkOrderOutput w, ClockKind kind) => w.Clocks.Single(c => c.Kind == kind);

    static async Task ScanAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None);
    }

    static async Task<WorkOrderOutput> EventAsync(HttpClient agent, WorkOrderOutput w, object body)
    {
        var r = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", body);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }
}
