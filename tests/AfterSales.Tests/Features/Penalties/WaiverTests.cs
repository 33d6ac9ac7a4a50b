using System.Net;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>DESIGN §5: a waiver is a manager's counter-entry naming the original and a reason; anything else is refused and writes nothing.</summary>
public sealed class WaiverTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    /// <summary>A work order 1 day 1 hour late to restore and never answered: a response entry and two days.</summary>
    static async Task<(PenaltyWorld World, long WorkOrderId, List<PenaltyEntry> Entries)> LateAsync(AppFactory app)
    {
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        app.Clock.SetUtcNow(T0.AddHours(48 + 25));
        await world.AccrueAsync();
        return (world, id, await world.EntriesAsync(id));
    }

    [Fact]
    public async Task A_waiver_nets_the_entry_to_zero_and_shows_on_the_statement()
    {
        await using var app = new AppFactory();
        var (world, _, entries) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        var day2 = entries.Single(e => e.Period == 2 && e.Kind == PenaltyKind.LateRestoration);

        var r = await manager.PostJsonAsync($"/api/v1/penalties/{day2.Id}/waivers", new { reason = "客户拒绝进场，延误不在我方" });

        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var waiver = await r.ReadJsonAsync<PenaltyLine>();
        waiver.Kind.ShouldBe(PenaltyKind.Waiver);
        waiver.AmountFen.ShouldBe(-PenaltyWorld.OnePercent);
        waiver.OriginalEntryId.ShouldBe(day2.Id);
        waiver.Description.ShouldBe("客户拒绝进场，延误不在我方");
        waiver.Sequence.ShouldBe(4);
        r.Headers.Location!.ToString().ShouldBe($"/api/v1/penalties/{waiver.Id}");

        var statement = await (
            await manager.GetAsync($"/api/v1/contracts/{world.World.ContractId}/penalties")
        ).ReadJsonAsync<PenaltyStatement>();
        statement.Entries.Single(e => e.Id == day2.Id).CounterEntryId.ShouldBe(waiver.Id);
        statement.Totals.PenaltiesFen.ShouldBe(3 * PenaltyWorld.OnePercent);
        statement.Totals.CancelledFen.ShouldBe(-PenaltyWorld.OnePercent);
        statement.Totals.NetFen.ShouldBe(2 * PenaltyWorld.OnePercent);
        statement.Entries.Where(e => e.Id == day2.Id || e.Id == waiver.Id).Sum(e => e.AmountFen).ShouldBe(0);
        (await world.ChainAsync())!.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_waiver_through_the_contracts_route_names_the_contract()
    {
        await using var app = new AppFactory();
        var (world, _, entries) = await LateAsync(app);
        var manager = await world.ManagerAsync();

        var r = await manager.PostJsonAsync(
            $"/api/v1/contracts/{world.World.ContractId}/penalties/{entries[0].Id}/waivers",
            new { reason = "不可抗力：台风停电" }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, HttpStatusCode, string> Refusals =>
        new()
        {
            { "no reason", "", HttpStatusCode.BadRequest, "请填写核销原因" },
            { "blank reason", "   ", HttpStatusCode.BadRequest, "请填写核销原因" },
            { "another contract's route", "other-route", HttpStatusCode.UnprocessableEntity, "该违约金记录不属于此合同" },
            { "another contract in the body", "other-body", HttpStatusCode.UnprocessableEntity, "该违约金记录不属于此合同" },
            { "waived twice", "twice", HttpStatusCode.Conflict, "该记录已核销或更正，不能重复核销" },
            { "a waiver of a waiver", "of-waiver", HttpStatusCode.Conflict, "核销或更正记录不能再被核销" },
            { "an unknown entry", "unknown", HttpStatusCode.NotFound, "" },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_waiver_is_refused_with_a_clear_error_and_writes_nothing(
        string refusal,
        string how,
        HttpStatusCode expected,
        string message
    )
    {
        await using var app = new AppFactory();
        var (world, _, entries) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        var entry = entries[0];
        var other = await app.DbAsync(db => db.Contracts.Where(c => c.Id != world.World.ContractId).Select(c => c.Id).SingleAsync());
        var first = await manager.PostJsonAsync($"/api/v1/penalties/{entries[1].Id}/waivers", new { reason = "重复登记" });
        var firstWaiver = await first.ReadJsonAsync<PenaltyLine>();
        var before = await app.SnapshotAsync();

        var r = how switch
        {
            "other-route" => await manager.PostJsonAsync(
                $"/api/v1/contracts/{other}/penalties/{entry.Id}/waivers",
                new { reason = "不可抗力" }
            ),
            "other-body" => await manager.PostJsonAsync(
                $"/api/v1/penalties/{entry.Id}/waivers",
                new { reason = "不可抗力", contractId = other }
            ),
            "twice" => await manager.PostJsonAsync($"/api/v1/penalties/{entries[1].Id}/waivers", new { reason = "再次核销" }),
            "of-waiver" => await manager.PostJsonAsync($"/api/v1/penalties/{firstWaiver.Id}/waivers", new { reason = "撤销核销" }),
            "unknown" => await manager.PostJsonAsync("/api/v1/penalties/999999/waivers", new { reason = "不可抗力" }),
            _ => await manager.PostJsonAsync($"/api/v1/penalties/{entry.Id}/waivers", new { reason = how }),
        };

        r.StatusCode.ShouldBe(expected, refusal);
        (await r.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Dispatcher)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    public async Task Only_a_manager_may_waive(string role)
    {
        await using var app = new AppFactory();
        var (_, _, entries) = await LateAsync(app);
        var someone = await app.SignInAsync(role);
        var before = await app.SnapshotAsync();

        var r = await someone.PostJsonAsync($"/api/v1/penalties/{entries[0].Id}/waivers", new { reason = "不可抗力" });

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_customer_may_not_waive_its_own_entries()
    {
        await using var app = new AppFactory();
        var (world, _, entries) = await LateAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, world.World.CustomerId);
        var before = await app.SnapshotAsync();

        var r = await customer.PostJsonAsync($"/api/v1/penalties/{entries[0].Id}/waivers", new { reason = "我们同意免除" });

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_refusal_is_in_the_callers_language()
    {
        await using var app = new AppFactory();
        var (world, _, entries) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        await manager.PostJsonAsync($"/api/v1/penalties/{entries[0].Id}/waivers", new { reason = "不可抗力" });
        manager.DefaultRequestHeaders.AcceptLanguage.Clear();
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var r = await manager.PostJsonAsync($"/api/v1/penalties/{entries[0].Id}/waivers", new { reason = "again" });

        (await r.Content.ReadAsStringAsync()).ShouldContain("cannot be waived twice");
    }
}
