using System.Net;
using AfterSales.Features.Accidents;
using AfterSales.Features.Accidents.Rules;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>
/// DESIGN §2 promise 12, §5: staff record an accident against an asset; it is decided once, from
/// the inspections, and a preventable one is charged in the contract's ledger with its losses.
/// </summary>
public sealed class AccidentTests
{
    static readonly DateTimeOffset Accident = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_missed_round_then_an_accident_charges_the_rate_and_the_losses_in_the_statement()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var round = await w.MissedRoundAsync();
        var photo = await w.AssetPhotoAsync();
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var accident = await AccidentWorld.RecordAsync(
            dispatcher,
            new
            {
                customerId = w.World.CustomerId,
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "大风中广告牌倾倒，砸坏门卫室雨棚",
                lossesFen = 1_234_550,
                lossAssessment = "雨棚维修报价",
                documentIds = new[] { photo },
            }
        );

        accident.Preventable.ShouldBeTrue();
        accident.Reason.ShouldBe(AccidentReason.MissedRound);
        accident.RoundId.ShouldBe(round);
        accident.LossesFen.ShouldBe(1_234_550);
        accident.PenaltyEntryIds.Count.ShouldBe(2);
        var manager = await app.SignInAsync(Roles.Manager);
        var statement = await (
            await manager.GetAsync($"/api/v1/contracts/{w.World.ContractId}/penalties")
        ).ReadJsonAsync<PenaltyStatement>();
        statement
            .Entries.Select(e => (e.Kind, e.AmountFen, e.AccidentId, e.OccurredAtUtc))
            .ShouldBe([
                (PenaltyKind.PreventableAccident, AccidentWorld.OnePercent, accident.Id, Accident.UtcDateTime),
                (PenaltyKind.Loss, 1_234_550L, accident.Id, Accident.UtcDateTime),
            ]);
        statement.Entries[0].RateBp.ShouldBe(100);
        statement.Entries[0].Description!.ShouldContain($"巡检 #{round}");
        statement.Entries[1].Evidence.Documents.ShouldHaveSingleItem().DocumentId.ShouldBe(photo);
        statement.Totals.PenaltiesFen.ShouldBe(AccidentWorld.OnePercent);
        statement.Totals.LossesFen.ShouldBe(1_234_550);
        statement.Totals.NetFen.ShouldBe(AccidentWorld.OnePercent + 1_234_550);
        (
            await (
                await manager.GetAsync($"/api/v1/contracts/{w.World.ContractId}/penalties/chain")
            ).ReadJsonAsync<AfterSales.Features.Penalties.Rules.ChainCheck>()
        ).Intact.ShouldBeTrue();

        var page = await dispatcher.GetPageAsync($"/Accidents/{accident.Id}");
        page.QuerySelector("#accident-decision")!.GetAttribute("data-preventable").ShouldBe("true");
        page.QuerySelector("#accident-reason-text")!.TextContent.ShouldBe("事故前最近一次到期的巡检已错过");
        page.QuerySelector("#accident-round")!
            .GetAttribute("data-id")
            .ShouldBe(round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelectorAll("#accident-entries .penalty-amount").Select(e => e.TextContent).ShouldBe(["¥1,000.00", "¥12,345.50"]);
    }

    [Fact]
    public async Task A_hazard_fixed_before_the_accident_charges_nothing_and_says_why()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var (round, _) = await w.CompletedRoundWithHazardAsync(new DateTime(2026, 8, 1, 2, 0, 0, DateTimeKind.Utc));
        var agent = await app.SignInAsync(Roles.Agent);

        var accident = await AccidentWorld.RecordAsync(
            agent,
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "广告牌面板被冰雹砸裂",
                lossesFen = 0,
            }
        );

        accident.Preventable.ShouldBeFalse();
        accident.Reason.ShouldBe(AccidentReason.RoundCompleted);
        accident.RoundId.ShouldBe(round);
        accident.OpenFindingIds.ShouldBeEmpty();
        accident.PenaltyEntryIds.ShouldBeEmpty();
        (await app.DbAsync(db => db.PenaltyEntries.CountAsync())).ShouldBe(0);
        var page = await agent.GetPageAsync($"/Accidents/{accident.Id}");
        page.QuerySelector("#accident-decision")!.GetAttribute("data-preventable").ShouldBe("false");
        page.QuerySelector("#accident-reason-text")!.TextContent.ShouldBe("最近一次到期的巡检已按时完成，且无未处理的问题");
        page.QuerySelector("#no-penalties").ShouldNotBeNull();
        var card = await agent.GetPageAsync($"/Customers/{w.World.CustomerId}");
        card.QuerySelector($"#accidents .accident[data-id='{accident.Id}']")!.GetAttribute("data-preventable").ShouldBe("false");
    }

    [Fact]
    public async Task A_hazard_still_open_at_the_accident_is_the_evidence_of_the_charge()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var (_, finding) = await w.CompletedRoundWithHazardAsync(fixedAtUtc: null);
        var agent = await app.SignInAsync(Roles.Agent);

        var accident = await AccidentWorld.RecordAsync(
            agent,
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "底座松动的广告牌倒塌",
                lossesFen = 0,
            }
        );

        accident.Preventable.ShouldBeTrue();
        accident.Reason.ShouldBe(AccidentReason.OpenFinding);
        accident.FindingId.ShouldBe(finding);
        var entry = (await app.DbAsync(db => db.PenaltyEntries.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        (entry.Kind, entry.AmountFen, entry.AccidentId).ShouldBe((PenaltyKind.PreventableAccident, AccidentWorld.OnePercent, accident.Id));
        entry.Description!.ShouldContain($"检查结果 #{finding}");
        var page = await agent.GetPageAsync($"/Accidents/{accident.Id}");
        page.QuerySelector($"#accident-findings .accident-finding[data-id='{finding}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_same_accident_cannot_be_recorded_twice()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        await w.MissedRoundAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var body = new
        {
            assetId = w.World.AssetId,
            occurredAt = Accident,
            description = "广告牌倾倒",
            lossesFen = 0,
        };
        await AccidentWorld.RecordAsync(agent, body);
        var before = await app.SnapshotAsync();

        var again = await agent.PostJsonAsync("/api/v1/accidents", body);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, await again.Content.ReadAsStringAsync());
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
