using System.Net;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Platform.Errors;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>The ledger is append-only through the application, and tampering behind its back shows in the chain check.</summary>
public sealed class LedgerIntegrityTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    static async Task<PenaltyWorld> LedgerOfFourAsync(AppFactory app)
    {
        var world = await PenaltyWorld.ArrangeAsync(app);
        await world.OpenAsync();
        app.Clock.SetUtcNow(T0.AddHours(48 + 49));
        await world.AccrueAsync();
        return world;
    }

    [Fact]
    public async Task The_context_refuses_to_change_an_entry()
    {
        await using var app = new AppFactory();
        await LedgerOfFourAsync(app);
        var before = await app.SnapshotAsync();

        var error = await Should.ThrowAsync<DomainException>(() =>
            app.DbAsync(async db =>
            {
                var entry = await db.PenaltyEntries.OrderBy(e => e.Id).FirstAsync();
                db.Entry(entry).Property(e => e.AmountFen).CurrentValue = 1;
                await db.SaveChangesAsync();
            })
        );

        error.Message.ShouldBe("台账记录只能追加，不能修改或删除；更正请登记冲销记录");
        (await app.DbAsync(db => db.PenaltyEntries.OrderBy(e => e.Id).Select(e => e.AmountFen).FirstAsync())).ShouldBe(
            PenaltyWorld.OnePercent
        );
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_context_refuses_to_delete_an_entry_or_its_evidence()
    {
        await using var app = new AppFactory();
        await LedgerOfFourAsync(app);
        var before = await app.SnapshotAsync();

        await Should.ThrowAsync<DomainException>(() =>
            app.DbAsync(async db =>
            {
                db.PenaltyEntries.Remove(await db.PenaltyEntries.OrderBy(e => e.Id).LastAsync());
                await db.SaveChangesAsync();
            })
        );

        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_amount_changed_directly_in_the_database_breaks_the_chain_at_that_entry()
    {
        await using var app = new AppFactory();
        var world = await LedgerOfFourAsync(app);
        var manager = await world.ManagerAsync();
        var url = $"/api/v1/contracts/{world.World.ContractId}/penalties/chain";
        (await (await manager.GetAsync(url)).ReadJsonAsync<ChainCheck>()).ShouldBe(ChainCheck.Ok(4));
        var third = await app.DbAsync(db => db.PenaltyEntries.SingleAsync(e => e.Sequence == 3));

        await app.DbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "PenaltyEntries" SET "AmountFen" = 1 WHERE "Id" = {third.Id}"""));

        var check = await (await manager.GetAsync(url)).ReadJsonAsync<ChainCheck>();
        check.Intact.ShouldBeFalse();
        check.BrokenAtSequence.ShouldBe(3);
        check.BrokenEntryId.ShouldBe(third.Id);
        check.Problem.ShouldBe(ChainProblem.Content);
    }

    [Fact]
    public async Task An_entry_deleted_directly_in_the_database_leaves_a_gap_the_check_finds()
    {
        await using var app = new AppFactory();
        var world = await LedgerOfFourAsync(app);

        await app.DbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "PenaltyEntries" WHERE "Sequence" = 2"""));

        var check = (await world.ChainAsync())!;
        check.Intact.ShouldBeFalse();
        check.BrokenAtSequence.ShouldBe(2);
        check.Problem.ShouldBe(ChainProblem.Gap);
    }

    [Fact]
    public async Task Entries_appended_after_tampering_still_chain_to_the_stored_head()
    {
        await using var app = new AppFactory();
        var world = await LedgerOfFourAsync(app);
        await app.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "PenaltyEntries" SET "OccurredAtUtc" = "RecordedAtUtc" WHERE "Sequence" = 4""")
        );
        app.Clock.Advance(TimeSpan.FromDays(1));
        await world.AccrueAsync();

        var check = (await world.ChainAsync())!;
        check.Entries.ShouldBe(4);
        check.BrokenAtSequence.ShouldBe(4);
        (await world.EntriesAsync()).Count.ShouldBe(5);
    }

    [Fact]
    public async Task The_chain_of_a_contract_without_entries_is_intact_and_an_unknown_contract_is_not_found()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var manager = await world.ManagerAsync();

        (
            await (await manager.GetAsync($"/api/v1/contracts/{world.World.ContractId}/penalties/chain")).ReadJsonAsync<ChainCheck>()
        ).ShouldBe(ChainCheck.Ok(0));
        (await manager.GetAsync("/api/v1/contracts/999999/penalties/chain")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
