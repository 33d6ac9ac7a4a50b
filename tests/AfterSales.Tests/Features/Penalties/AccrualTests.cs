using AfterSales.Features.Contracts;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>DESIGN §5: entries accrue from the response and restore clocks, once each, as their periods begin.</summary>
public sealed class AccrualTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    [Fact]
    public async Task A_missed_response_and_a_restoration_2_days_3_hours_late_owe_one_response_entry_and_three_days()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();

        app.Clock.Advance(TimeSpan.FromHours(5));
        await world.AccrueAsync();
        await world.EventAsync(id, "respond", note: "已致电客户");
        app.Clock.SetUtcNow(T0.AddHours(48 + 51));
        await world.EventAsync(id, "restore");
        await world.AccrueAsync();

        var entries = await world.EntriesAsync(id);
        entries
            .Select(e => (e.Kind, e.Period, e.AmountFen, e.OccurredAtUtc))
            .ShouldBe([
                (PenaltyKind.MissedResponse, 1, PenaltyWorld.OnePercent, T0.AddHours(4)),
                (PenaltyKind.LateRestoration, 1, PenaltyWorld.OnePercent, T0.AddHours(48)),
                (PenaltyKind.LateRestoration, 2, PenaltyWorld.OnePercent, T0.AddHours(72)),
                (PenaltyKind.LateRestoration, 3, PenaltyWorld.OnePercent, T0.AddHours(96)),
            ]);
        entries.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4]);
        entries.ShouldAllBe(e => e.ContractId == world.World.ContractId && e.CustomerId == world.World.CustomerId);
        entries.ShouldAllBe(e => e.RateBp == 100 && e.BaseFen == PenaltyWorld.Total && !e.Capped && e.RecordedByName == "system");
        (await world.ChainAsync())!.ShouldBe(ChainCheck.Ok(4));
    }

    [Fact]
    public async Task Each_entry_links_to_its_clock_and_the_events_and_pauses_that_prove_it()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        await world.EventAsync(id, "respond", note: "已致电客户");
        app.Clock.Advance(TimeSpan.FromHours(10));
        await world.EventAsync(id, "pause", note: "等待客户开门");
        app.Clock.Advance(TimeSpan.FromHours(4));
        await world.EventAsync(id, "resume");
        // Due 48 h + 4 h paused = T0 + 52 h. A pause after that does not move it.
        app.Clock.SetUtcNow(T0.AddHours(60));
        await world.EventAsync(id, "pause", note: "客户要求改日");
        app.Clock.SetUtcNow(T0.AddHours(62));
        await world.EventAsync(id, "restore", note: "更换灯管");
        await world.AccrueAsync();

        var entry = (await world.EntriesAsync(id)).ShouldHaveSingleItem();
        var (clockId, events, pauses) = await app.DbAsync(async db =>
            (
                await db.WorkOrderClocks.Where(c => c.WorkOrderId == id && c.Kind == ClockKind.Restore).Select(c => c.Id).SingleAsync(),
                await db
                    .WorkOrderEvents.Where(e =>
                        e.WorkOrderId == id && (e.Type == WorkOrderEventType.Received || e.Type == WorkOrderEventType.Restored)
                    )
                    .ToDictionaryAsync(e => e.Type, e => e.Id),
                await db.Set<WorkOrderPause>().Where(p => p.WorkOrderId == id).OrderBy(p => p.FromUtc).Select(p => p.Id).ToListAsync()
            )
        );
        entry.Kind.ShouldBe(PenaltyKind.LateRestoration);
        entry.ClockId.ShouldBe(clockId);
        entry.DueUtc.ShouldBe(T0.AddHours(52));
        entry.OccurredAtUtc.ShouldBe(T0.AddHours(52));
        entry.StartEventId.ShouldBe(events[WorkOrderEventType.Received]);
        entry.EndEventId.ShouldBe(events[WorkOrderEventType.Restored]);
        entry.PauseIdList.ShouldBe([pauses[0]]);
    }

    [Fact]
    public async Task On_an_open_work_order_day_entries_appear_one_by_one_and_stop_at_restoration()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        await world.EventAsync(id, "respond", note: "已致电客户");

        async Task<int> DaysAt(TimeSpan afterReceipt)
        {
            app.Clock.SetUtcNow(T0 + afterReceipt);
            await world.AccrueAsync();
            return (await world.EntriesAsync(id)).Count(e => e.Kind == PenaltyKind.LateRestoration);
        }

        (await DaysAt(TimeSpan.FromHours(48))).ShouldBe(0); // at the due instant: in time
        (await DaysAt(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1))).ShouldBe(1);
        (await DaysAt(TimeSpan.FromHours(72))).ShouldBe(1); // 24 h late: still one
        (await DaysAt(TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1))).ShouldBe(2);
        (await DaysAt(TimeSpan.FromHours(90))).ShouldBe(2);
        await world.EventAsync(id, "restore");
        (await DaysAt(TimeSpan.FromHours(97))).ShouldBe(2);
        (await DaysAt(TimeSpan.FromDays(30))).ShouldBe(2);
        (await world.EntriesAsync(id)).ShouldNotContain(e => e.Kind == PenaltyKind.MissedResponse);
        (await world.ChainAsync())!.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Accruing_twice_writes_nothing_new()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        await world.OpenAsync();
        await world.OpenAsync();
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        var first = await world.AccrueAsync();
        var after = await app.SnapshotAsync();
        var ledger = PenaltyWorld.Summary(await world.EntriesAsync()).ToList();
        var second = await world.AccrueAsync();

        first.Entries.ShouldBe(2 * (1 + 2));
        second.ShouldBe(new PenaltyAccrual.Outcome(0, 0));
        (await app.SnapshotAsync()).ShouldBe(after);
        PenaltyWorld.Summary(await world.EntriesAsync()).ShouldBe(ledger);
    }

    [Fact]
    public async Task Two_instances_accruing_at_once_write_the_same_ledger_as_one()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var (ids, other) = (new List<long>(), await OtherCustomerAsync(world));
        for (var i = 0; i < 8; i++)
            ids.Add(await world.OpenAsync(i % 2 == 0 ? null : world.World.OtherCustomerAssetId, i % 2 == 0 ? null : other));
        app.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(1));

        // Two scopes are two DbContexts on their own connections, as two application instances would be.
        using var a = app.Services.CreateScope();
        using var b = app.Services.CreateScope();
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(CancellationToken.None)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(CancellationToken.None))
        );

        // Each: one response entry and three days (due at 48 h, 4 d 1 h after receipt is 2 d 1 h late).
        outcomes.Sum(o => o.Entries).ShouldBe(8 * 4);
        var entries = await world.EntriesAsync();
        entries.Count.ShouldBe(8 * 4);
        foreach (var id in ids)
            entries.Count(e => e.WorkOrderId == id).ShouldBe(4);
        entries.GroupBy(e => (e.WorkOrderId, e.Kind, e.Period)).ShouldAllBe(g => g.Count() == 1);
        (await world.ChainAsync())!.ShouldBe(ChainCheck.Ok(16));
        (await world.ChainAsync(await OtherContract(world)))!.ShouldBe(ChainCheck.Ok(16));
        (await world.AccrueAsync()).Entries.ShouldBe(0);
    }

    [Fact]
    public async Task Reopening_a_work_order_does_not_charge_its_periods_again()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        await world.EventAsync(id, "respond", note: "已致电客户");
        app.Clock.SetUtcNow(T0.AddHours(60));
        await world.EventAsync(id, "restore");
        await world.EventAsync(id, "close");
        await world.AccrueAsync();
        var before = PenaltyWorld.Summary(await world.EntriesAsync(id)).ToList();

        app.Clock.SetUtcNow(T0.AddHours(100));
        await world.EventAsync(id, "reopen", note: "灯又不亮了");
        await world.AccrueAsync();
        app.Clock.SetUtcNow(T0.AddHours(150));
        await world.AccrueAsync();
        await world.EventAsync(id, "restore");
        await world.AccrueAsync();

        before.Count.ShouldBe(1);
        PenaltyWorld.Summary(await world.EntriesAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_restoration_logged_later_at_an_earlier_time_corrects_the_periods_it_shows_were_never_owed()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        await world.EventAsync(id, "respond", note: "已致电客户");
        app.Clock.SetUtcNow(T0.AddHours(48 + 50));
        await world.AccrueAsync();
        (await world.EntriesAsync(id)).Count.ShouldBe(3);

        // The technician was offline: service came back 20 h after the due time.
        await world.EventAsync(id, "restore", occurredAt: T0.AddHours(48 + 20));
        await world.AccrueAsync();
        await world.AccrueAsync();

        var entries = await world.EntriesAsync(id);
        var corrections = entries.Where(e => e.Kind == PenaltyKind.Correction).ToList();
        corrections.Select(c => entries.Single(e => e.Id == c.OriginalEntryId).Period).ShouldBe([2, 3]);
        corrections.ShouldAllBe(c => c.AmountFen == -PenaltyWorld.OnePercent && c.EndEventId != null);
        entries.Sum(e => e.AmountFen).ShouldBe(PenaltyWorld.OnePercent);
        (await world.ChainAsync())!.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_cap_cuts_the_entry_that_reaches_it_and_records_later_ones_at_zero()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app, ServiceTerms.TenderDefaults() with { PenaltyCapBp = 250 });
        var id = await world.OpenAsync();
        app.Clock.SetUtcNow(T0.AddHours(48 + 72 + 1));
        await world.AccrueAsync();

        (await world.EntriesAsync(id))
            .Select(e => (e.Kind, e.Period, e.AmountFen, e.ComputedFen, e.Capped))
            .ShouldBe([
                (PenaltyKind.MissedResponse, 1, 100_000L, 100_000L, false),
                (PenaltyKind.LateRestoration, 1, 100_000L, 100_000L, false),
                (PenaltyKind.LateRestoration, 2, 50_000L, 100_000L, true),
                (PenaltyKind.LateRestoration, 3, 0L, 100_000L, true),
                (PenaltyKind.LateRestoration, 4, 0L, 100_000L, true),
            ]);
    }

    [Fact]
    public async Task A_work_order_without_a_contract_owes_nothing_and_is_not_looked_at_again()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var r = await world.Agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.World.CustomerId,
                channel = "Hotline",
                description = "不确定是哪块牌子",
            }
        );
        var id = (await r.ReadJsonAsync<WorkOrderOutput>()).Id;
        app.Clock.Advance(TimeSpan.FromDays(5));

        (await world.AccrueAsync()).Clocks.ShouldBe(2);
        (await world.AccrueAsync()).Clocks.ShouldBe(0);
        (await world.EntriesAsync(id)).ShouldBeEmpty();
    }

    static Task<long> OtherCustomerAsync(PenaltyWorld world) =>
        world.App.DbAsync(db => db.Customers.Where(c => c.Id != world.World.CustomerId).Select(c => c.Id).SingleAsync());

    static Task<long> OtherContract(PenaltyWorld world) =>
        world.App.DbAsync(db => db.Contracts.Where(c => c.Id != world.World.ContractId).Select(c => c.Id).SingleAsync());
}
