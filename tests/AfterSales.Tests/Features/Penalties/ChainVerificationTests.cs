using System.Net;
using AfterSales.Features.Penalties;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// Statements re-hash only the entries appended since the chain was last verified, and still show
/// an entry changed or removed behind the application's back: a removal at once, a changed field at
/// the next full check (hourly, or on demand through the API).
/// </summary>
public sealed class ChainVerificationTests
{
    /// <summary>What the statement page says of the chain: "intact", or "broken at N".</summary>
    static async Task<string> ChainOnPageAsync(StatementWorld w)
    {
        var status = (await w.Manager.GetPageAsync(w.StatementUrl)).QuerySelector("#chain-status")!;
        return status.GetAttribute("data-intact") == "true" ? "intact" : $"broken at {status.GetAttribute("data-broken-at")}";
    }

    static Task<VerifiedChain?> VerifiedAsync(AppFactory app, long contractId) =>
        Task.FromResult(app.Services.GetRequiredService<VerifiedChains>().Of(contractId));

    static Task<PenaltyEntry> EntryAsync(AppFactory app, long contractId, long sequence) =>
        app.DbAsync(db => db.PenaltyEntries.AsNoTracking().SingleAsync(e => e.ContractId == contractId && e.Sequence == sequence));

    [Fact]
    public async Task A_statement_remembers_how_far_the_chain_is_intact_and_moves_on_with_new_entries()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        (await VerifiedAsync(app, w.ContractId)).ShouldBeNull();

        (await ChainOnPageAsync(w)).ShouldBe("intact");
        var first = (await VerifiedAsync(app, w.ContractId))!;
        first.Sequence.ShouldBe(4);
        first.Hash.ShouldBe((await EntryAsync(app, w.ContractId, 4)).Hash);
        first.VerifiedAtUtc.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);

        var waived = await EntryAsync(app, w.ContractId, 2);
        var r = await w.Manager.PostJsonAsync($"/api/v1/penalties/{waived.Id}/waivers", new { reason = "客户未开放现场" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        (await ChainOnPageAsync(w)).ShouldBe("intact");
        var next = (await VerifiedAsync(app, w.ContractId))!;
        next.Sequence.ShouldBe(5);
        next.Hash.ShouldBe((await EntryAsync(app, w.ContractId, 5)).Hash);
        // Only the new entry was re-hashed: the last full check is still the first one.
        next.VerifiedAtUtc.ShouldBe(first.VerifiedAtUtc);
    }

    [Fact]
    public async Task An_entry_removed_from_the_verified_part_shows_on_the_next_statement()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        (await ChainOnPageAsync(w)).ShouldBe("intact");

        await app.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""DELETE FROM "PenaltyEntries" WHERE "ContractId" = {w.ContractId} AND "Sequence" = 2""")
        );

        (await ChainOnPageAsync(w)).ShouldBe("broken at 2");
        (await VerifiedAsync(app, w.ContractId))!.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task A_field_changed_in_the_verified_part_shows_on_the_statement_at_the_next_full_check()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        (await ChainOnPageAsync(w)).ShouldBe("intact");
        var second = await EntryAsync(app, w.ContractId, 2);

        await app.DbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "PenaltyEntries" SET "AmountFen" = 1 WHERE "Id" = {second.Id}"""));
        app.Clock.Advance(TimeSpan.FromMinutes(60));

        (await ChainOnPageAsync(w)).ShouldBe("broken at 2");
        var verified = (await VerifiedAsync(app, w.ContractId))!;
        (verified.Sequence, verified.Hash).ShouldBe((1L, (await EntryAsync(app, w.ContractId, 1)).Hash));
        // The statements keep saying so: they continue from the intact part, and the broken entry is the next one.
        (await ChainOnPageAsync(w)).ShouldBe("broken at 2");
    }

    [Fact]
    public async Task A_full_check_on_demand_finds_a_changed_field_at_once_and_statements_say_so_from_then_on()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        (await ChainOnPageAsync(w)).ShouldBe("intact");
        var third = await EntryAsync(app, w.ContractId, 3);

        await app.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "PenaltyEntries" SET "Description" = '已结清' WHERE "Id" = {third.Id}""")
        );

        var check = await (
            await w.Manager.GetAsync($"/api/v1/contracts/{w.ContractId}/penalties/chain")
        ).ReadJsonAsync<AfterSales.Features.Penalties.Rules.ChainCheck>();
        (check.Intact, check.BrokenAtSequence).ShouldBe((false, 3L));
        (await ChainOnPageAsync(w)).ShouldBe("broken at 3");
    }
}
