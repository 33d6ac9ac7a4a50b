using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Breaches;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.WorkOrders.Breaches;

public sealed class BreachDetectionTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    [Fact]
    public async Task The_response_clock_is_breached_once_just_after_its_due_instant_not_at_it()
    {
        await using var app = new AppFactory();
        var id = await OpenAsync(app);

        app.Clock.Advance(TimeSpan.FromHours(4));
        (await ScanAsync(app)).Breached.ShouldBe(0);
        (await ClockAsync(app, id, ClockKind.Response)).BreachedAtUtc.ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ScanAsync(app)).Breached.ShouldBe(1);
        var clock = await ClockAsync(app, id, ClockKind.Response);
        clock.BreachedAtUtc.ShouldBe(T0.AddHours(4));

        var events = await EventsAsync(app, id, WorkOrderEventType.ClockBreached);
        var breach = events.ShouldHaveSingleItem();
        breach.OccurredAtUtc.ShouldBe(T0.AddHours(4));
        breach.RecordedAtUtc.ShouldBe(T0.AddHours(4).AddSeconds(1));
        breach.ByName.ShouldBe("system");
        breach.Note.ShouldBe(WorkOrderTitles.Of(ClockKind.Response));
    }

    [Fact]
    public async Task A_due_soon_warning_comes_at_75_percent_of_the_window_once()
    {
        await using var app = new AppFactory();
        var id = await OpenAsync(app);

        app.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        (await ScanAsync(app)).DueSoon.ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ScanAsync(app)).DueSoon.ShouldBe(1);
        (await ScanAsync(app)).DueSoon.ShouldBe(0);

        var warning = (await EventsAsync(app, id, WorkOrderEventType.ClockDueSoon)).ShouldHaveSingleItem();
        warning.OccurredAtUtc.ShouldBe(T0.AddHours(3));
        (await ClockAsync(app, id, ClockKind.Response)).DueSoonAlertedAtUtc.ShouldBe(T0.AddHours(3));
    }

    [Fact]
    public async Task Scanning_twice_creates_nothing_new()
    {
        await using var app = new AppFactory();
        await OpenAsync(app);
        await OpenAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(5));

        var first = await ScanAsync(app);
        first.Breached.ShouldBe(2);
        var after = await app.SnapshotAsync();
        var second = await ScanAsync(app);
        second.ShouldBe(new BreachDetection.Outcome(0, 0));
        (await app.SnapshotAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task Two_instances_scanning_at_once_record_each_breach_once()
    {
        await using var app = new AppFactory();
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
            ids.Add(await OpenAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(5));

        // Two scopes are two DbContexts on their own connections, as two application instances would be.
        using var a = app.Services.CreateScope();
        using var b = app.Services.CreateScope();
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None))
        );

        outcomes.Sum(o => o.Breached).ShouldBe(6);
        var breaches = await app.DbAsync(db => db.WorkOrderEvents.CountAsync(e => e.Type == WorkOrderEventType.ClockBreached));
        breaches.ShouldBe(6);
        foreach (var id in ids)
            (await EventsAsync(app, id, WorkOrderEventType.ClockBreached)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_met_clock_never_breaches()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var id = await OpenAsync(app, agent);
        app.Clock.Advance(TimeSpan.FromHours(1));
        (
            await agent.PostJsonAsync(
                $"/api/v1/work-orders/{id}/events",
                new
                {
                    type = "respond",
                    note = "已回复",
                    version = 1,
                }
            )
        ).EnsureSuccessStatusCode();

        app.Clock.Advance(TimeSpan.FromHours(10));
        await ScanAsync(app);

        var response = await ClockAsync(app, id, ClockKind.Response);
        response.BreachedAtUtc.ShouldBeNull();
        response.DueSoonAlertedAtUtc.ShouldBeNull();
        (await EventsAsync(app, id, WorkOrderEventType.ClockBreached)).ShouldAllBe(e => e.Note != WorkOrderTitles.Of(ClockKind.Response));
    }

    [Fact]
    public async Task A_paused_restore_clock_does_not_breach()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var id = await OpenAsync(app, agent);
        app.Clock.Advance(TimeSpan.FromHours(1));
        (
            await agent.PostJsonAsync(
                $"/api/v1/work-orders/{id}/events",
                new
                {
                    type = "respond",
                    note = "已回复",
                    version = 1,
                }
            )
        ).EnsureSuccessStatusCode();
        (
            await agent.PostJsonAsync(
                $"/api/v1/work-orders/{id}/events",
                new
                {
                    type = "pause",
                    note = "等待客户提供场地",
                    version = 2,
                }
            )
        ).EnsureSuccessStatusCode();
        (await ClockAsync(app, id, ClockKind.Restore)).DueUtc.ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromDays(30));
        (await ScanAsync(app)).Breached.ShouldBe(0);

        (await ClockAsync(app, id, ClockKind.Restore)).BreachedAtUtc.ShouldBeNull();
        (await EventsAsync(app, id, WorkOrderEventType.ClockBreached)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_breach_appears_among_the_work_orders_events_in_the_api()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var id = await OpenAsync(app, agent);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await ScanAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await ScanAsync(app);

        var w = await (await agent.GetAsync($"/api/v1/work-orders/{id}")).ReadJsonAsync<WorkOrderOutput>();
        w.Events!.ShouldContain(e => e.Type == WorkOrderEventType.ClockBreached && e.OccurredAt == T0.AddHours(4));
        w.Events!.ShouldContain(e => e.Type == WorkOrderEventType.ClockDueSoon && e.OccurredAt == T0.AddHours(3));
        w.Version.ShouldBe(1);
    }

    /// <summary>Opens a hotline work order at the current fake time (the world is arranged on the first call).</summary>
    [Fact]
    public async Task A_breach_alerts_the_dispatch_desk_and_the_assigned_technician_once_each()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var id = await OpenAsync(app, agent);
        var tech = await app.CreateUserAsync("tech-alert", Roles.Technician);
        var w = await (await agent.GetAsync($"/api/v1/work-orders/{id}")).ReadJsonAsync<WorkOrderOutput>();
        await agent.PostJsonAsync(
            $"/api/v1/work-orders/{id}/events",
            new
            {
                type = "dispatch",
                technicianId = tech.Id,
                version = w.Version,
            }
        );

        app.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));
        await ScanAsync(app);
        await ScanAsync(app);

        var alerts = await app.DbAsync(db =>
            db.Set<AfterSales.Features.WorkOrders.Board.Alert>()
                .AsNoTracking()
                .Where(a => a.WorkOrderId == id && a.Type == AfterSales.Features.WorkOrders.Board.AlertType.Breached)
                .ToListAsync()
        );
        alerts.Select(a => a.RecipientUserId).OrderBy(r => r).ShouldBe([null, tech.Id]);
    }

    internal static async Task<long> OpenAsync(AppFactory app, HttpClient? agent = null)
    {
        var world = await app.DbAsync(db => db.Customers.AnyAsync()) ? null : await WorkOrderWorld.ArrangeAsync(app);
        var customerId = world?.CustomerId ?? await app.DbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        agent ??= await app.SignInAsync(Roles.Agent);
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId,
                channel = "Hotline",
                description = "广告牌灯不亮",
                cause = "Defect",
            }
        );
        r.EnsureSuccessStatusCode();
        return (await r.ReadJsonAsync<WorkOrderOutput>()).Id;
    }

    static async Task<BreachDetection.Outcome> ScanAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None);
    }

    static Task<WorkOrderClock> ClockAsync(AppFactory app, long id, ClockKind kind) =>
        app.DbAsync(db => db.WorkOrderClocks.AsNoTracking().SingleAsync(c => c.WorkOrderId == id && c.Kind == kind));

    static Task<List<WorkOrderEvent>> EventsAsync(AppFactory app, long id, WorkOrderEventType type) =>
        app.DbAsync(db => db.WorkOrderEvents.AsNoTracking().Where(e => e.WorkOrderId == id && e.Type == type).ToListAsync());
}
