using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Holidays;

/// <summary>Work orders on a business-hours contract get their deadlines from the shipped holidays plus the admin's overrides.</summary>
public sealed class HolidayDeadlineTests
{
    static async Task<(WorkOrderWorld World, HttpClient Agent, HttpClient Admin)> ArrangeAsync(AppFactory app)
    {
        var terms = ServiceTerms.TenderDefaults();
        terms.Calendar = ServiceCalendarKind.BusinessHours;
        return (await WorkOrderWorld.ArrangeAsync(app, terms), await app.SignInAsync(Roles.Agent), await app.SignInAsync(Roles.Admin));
    }

    static async Task<ClockOutput> ResponseClockAsync(HttpClient agent, WorkOrderWorld world)
    {
        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "灯箱不亮",
                cause = "Defect",
            }
        );
        created.EnsureSuccessStatusCode();
        return (await created.ReadJsonAsync<WorkOrderOutput>()).Clocks.Single(c => c.Kind == ClockKind.Response);
    }

    /// <summary>The due instant stored for breach detection, of the newest work order's response clock.</summary>
    static Task<DateTime?> StoredResponseDueAsync(AppFactory app) =>
        app.DbAsync(db =>
            db.WorkOrderClocks.Where(c => c.Kind == ClockKind.Response).OrderByDescending(c => c.Id).Select(c => c.DueUtc).FirstAsync()
        );

    [Fact]
    public async Task A_work_order_received_after_an_override_gets_the_overridden_deadline_without_a_restart()
    {
        await using var app = new AppFactory(); // Wednesday 2026-11-25 10:00 in Beijing
        var (world, agent, admin) = await ArrangeAsync(app);

        var before = await ResponseClockAsync(agent, world);
        var added = await admin.PostFormAsync(
            "/Admin/Holidays?year=2026",
            new()
            {
                ["Input.Date"] = "2026-11-25",
                ["Input.Kind"] = "DayOff",
                ["Input.Note"] = "公司搬迁，全天休息",
            }
        );
        var after = await ResponseClockAsync(agent, world);

        added.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        // Four working hours from 10:00: 10:00–12:00 and 13:30–15:30 the same day…
        InBeijing(before.DueAt).ShouldBe("2026-11-25 15:30:00");
        // …but with the day off, counting starts on Thursday at 08:30 (3.5 h before noon, 0.5 h after lunch).
        InBeijing(after.DueAt).ShouldBe("2026-11-26 14:00:00");
        InBeijing(await StoredResponseDueAsync(app)).ShouldBe("2026-11-26 14:00:00");
        after.Provisional.ShouldBeFalse();
    }

    [Fact]
    public async Task Removing_the_override_brings_the_shipped_calendar_back_for_the_next_work_order()
    {
        await using var app = new AppFactory();
        var (world, agent, admin) = await ArrangeAsync(app);
        await admin.PostFormAsync(
            "/Admin/Holidays?year=2026",
            new()
            {
                ["Input.Date"] = "2026-11-25",
                ["Input.Kind"] = "DayOff",
                ["Input.Note"] = "公司搬迁",
            }
        );
        var overridden = await ResponseClockAsync(agent, world);
        var id = await app.DbAsync(db => db.HolidayOverrides.Select(o => o.Id).SingleAsync());

        await admin.PostFormAsync($"/Admin/Holidays?handler=Remove&id={id}&year=2026", [], "/Admin/Holidays?year=2026");
        var restored = await ResponseClockAsync(agent, world);

        InBeijing(overridden.DueAt).ShouldBe("2026-11-26 14:00:00");
        InBeijing(restored.DueAt).ShouldBe("2026-11-25 15:30:00");
    }

    [Fact]
    public async Task Entering_next_years_notice_makes_its_deadlines_final()
    {
        await using var app = new AppFactory();
        // Signed in after the clock moves on, so that the sign-in cookies are fresh at that time.
        app.Clock.SetUtcNow(new DateTimeOffset(Beijing("2027-02-03 16:00"), TimeSpan.Zero)); // a Wednesday
        var (world, agent, admin) = await ArrangeAsync(app);

        var provisional = await ResponseClockAsync(agent, world);
        await admin.PostFormAsync(
            "/Admin/Holidays?handler=Notice&year=2027",
            new()
            {
                ["Notice.Year"] = "2027",
                ["Notice.DaysOff"] = "01-01, 02-04..02-11",
                ["Notice.Workdays"] = "02-13",
                ["Notice.Note"] = "国办发明电〔2026〕7号",
            },
            "/Admin/Holidays?year=2027"
        );
        var final = await ResponseClockAsync(agent, world);

        provisional.Provisional.ShouldBeTrue();
        InBeijing(provisional.DueAt).ShouldBe("2027-02-04 11:00:00"); // Monday–Friday assumed
        final.Provisional.ShouldBeFalse();
        InBeijing(final.DueAt).ShouldBe("2027-02-12 11:00:00"); // 02-04…02-11 off: Friday 02-12
    }

    [Fact]
    public async Task Another_node_picks_up_an_override_within_the_refresh_time()
    {
        await using var app = new AppFactory();
        var (_, _, admin) = await ArrangeAsync(app);
        // A second application node: its own provider (its own copy of the overrides) on the same database.
        using var otherNode = new ServiceCalendarProvider(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        (await otherNode.HolidaysAsync(TestContext.Current.CancellationToken)).IsWorkingDay(Date("2026-11-27")).ShouldBeTrue();

        await admin.PostFormAsync(
            "/Admin/Holidays?year=2026",
            new()
            {
                ["Input.Date"] = "2026-11-27",
                ["Input.Kind"] = "DayOff",
                ["Input.Note"] = "公司活动",
            }
        );
        var stale = await otherNode.HolidaysAsync(TestContext.Current.CancellationToken);
        app.Clock.Advance(ServiceCalendarProvider.RefreshAfter);
        var fresh = await otherNode.HolidaysAsync(TestContext.Current.CancellationToken);

        stale.IsWorkingDay(Date("2026-11-27")).ShouldBeTrue();
        fresh.IsWorkingDay(Date("2026-11-27")).ShouldBeFalse();
        var thisNode = app.Services.GetRequiredService<ServiceCalendarProvider>();
        (await thisNode.HolidaysAsync(TestContext.Current.CancellationToken)).IsWorkingDay(Date("2026-11-27")).ShouldBeFalse();
    }
}
