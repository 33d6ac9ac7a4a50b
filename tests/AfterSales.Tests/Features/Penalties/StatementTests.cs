using System.Net;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>GET /api/v1/contracts/{id}/penalties: a contract's entries for a period, with evidence and totals; a customer sees only its own.</summary>
public sealed class StatementTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    static async Task<PenaltyWorld> LateAsync(AppFactory app)
    {
        var world = await PenaltyWorld.ArrangeAsync(app);
        await world.OpenAsync();
        app.Clock.SetUtcNow(T0.AddHours(48 + 49));
        await world.AccrueAsync();
        return world;
    }

    [Fact]
    public async Task The_statement_lists_the_entries_of_the_period_with_evidence_and_totals()
    {
        await using var app = new AppFactory();
        var world = await LateAsync(app);
        var auditor = await app.SignInAsync(Roles.Auditor);

        var all = await (await auditor.GetAsync($"/api/v1/contracts/{world.World.ContractId}/penalties")).ReadJsonAsync<PenaltyStatement>();
        var from = Uri.EscapeDataString(new DateTimeOffset(T0.AddHours(48), TimeSpan.Zero).ToString("O"));
        var to = Uri.EscapeDataString(new DateTimeOffset(T0.AddHours(96), TimeSpan.Zero).ToString("O"));
        var period = await (
            await auditor.GetAsync($"/api/v1/contracts/{world.World.ContractId}/penalties?from={from}&to={to}")
        ).ReadJsonAsync<PenaltyStatement>();

        all.Contract.Number.ShouldBe("HT-1234");
        all.Contract.TotalFen.ShouldBe(PenaltyWorld.Total);
        all.Entries.Select(e => (e.Kind, e.Period))
            .ShouldBe([
                (PenaltyKind.MissedResponse, 1),
                (PenaltyKind.LateRestoration, 1),
                (PenaltyKind.LateRestoration, 2),
                (PenaltyKind.LateRestoration, 3),
            ]);
        all.Entries.ShouldAllBe(e =>
            e.WorkOrderNumber == "GD-20261125-0001" && e.Evidence.ClockId != null && e.Evidence.StartEventId != null
        );
        all.Entries[0].Evidence.ClockKind.ShouldBe(AfterSales.Features.WorkOrders.Clocks.ClockKind.Response);
        all.Entries[1].Evidence.ClockKind.ShouldBe(AfterSales.Features.WorkOrders.Clocks.ClockKind.Restore);
        all.Totals.Entries.ShouldBe(4);
        all.Totals.PenaltiesFen.ShouldBe(4 * PenaltyWorld.OnePercent);
        all.Totals.NetFen.ShouldBe(4 * PenaltyWorld.OnePercent);
        all.Totals.ByKindFen[PenaltyKind.LateRestoration].ShouldBe(3 * PenaltyWorld.OnePercent);
        // Days 1 and 2 began at 48 h and 72 h; day 3 at 96 h is outside [48 h, 96 h).
        period.Entries.Select(e => e.Period).ShouldBe([1, 2]);
        period.Totals.NetFen.ShouldBe(2 * PenaltyWorld.OnePercent);
    }

    [Fact]
    public async Task A_customer_reads_its_own_contracts_statement_and_gets_404_for_another_customers()
    {
        await using var app = new AppFactory();
        var world = await LateAsync(app);
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.World.CustomerId).Select(c => c.Id).SingleAsync());
        var entryId = (await world.EntriesAsync())[0].Id;
        var mine = await app.SignInAsync(Roles.Customer, world.World.CustomerId);
        var stranger = await app.SignInAsync(Roles.Customer, other);
        var contract = world.World.ContractId;

        (await mine.GetAsync($"/api/v1/contracts/{contract}/penalties")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await mine.GetAsync($"/api/v1/contracts/{contract}/penalties")).ReadJsonAsync<PenaltyStatement>()).Entries.Count.ShouldBe(
            4
        );
        (await mine.GetAsync($"/api/v1/penalties/{entryId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (
            var url in new[]
            {
                $"/api/v1/contracts/{contract}/penalties",
                $"/api/v1/contracts/{contract}/penalties/chain",
                $"/api/v1/penalties/{entryId}",
            }
        )
        {
            var theirs = await stranger.GetAsync(url);
            var missing = await stranger.GetAsync(url.Replace($"/{contract}/", "/999999/").Replace($"/{entryId}", "/999999"));
            theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var manager = await world.ManagerAsync();

        var r = await manager.GetAsync(
            $"/api/v1/contracts/{world.World.ContractId}/penalties?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z"
        );

        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("结束时间不能早于开始时间");
    }

    [Fact]
    public async Task A_work_orders_entries_are_listed_for_those_who_may_see_the_work_order()
    {
        await using var app = new AppFactory();
        var world = await LateAsync(app);
        var id = (await world.EntriesAsync())[0].WorkOrderId!.Value;
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.World.CustomerId).Select(c => c.Id).SingleAsync());

        var lines = await (await world.Agent.GetAsync($"/api/v1/work-orders/{id}/penalties")).ReadJsonAsync<List<PenaltyLine>>();
        var stranger = await app.SignInAsync(Roles.Customer, other);

        lines.Count.ShouldBe(4);
        (await stranger.GetAsync($"/api/v1/work-orders/{id}/penalties")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_ledger_endpoints_are_described_in_the_openapi_document()
    {
        await using var app = new AppFactory();
        var auditor = await app.SignInAsync(Roles.Auditor);

        var document = await (await auditor.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        document.ShouldContain("/api/v1/contracts/{id}/penalties");
        document.ShouldContain("/api/v1/contracts/{id}/penalties/chain");
        document.ShouldContain("/api/v1/contracts/{id}/penalties/{entryId}/waivers");
        document.ShouldContain("/api/v1/penalties/{id}/waivers");
        document.ShouldContain("/api/v1/work-orders/{id}/losses");
        document.ShouldContain("PenaltyStatement");
    }
}
