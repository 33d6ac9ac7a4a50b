using System.Globalization;
using System.Net;
using AfterSales.Features.Accidents.Rules;
using AfterSales.Features.Inspections;
using AfterSales.Features.Penalties;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Inspections;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>
/// The whole way, as the product runs it: rounds planned and missed by the background passes,
/// worked through the API, hazards fixed by their restored work orders, accidents recorded through
/// /api/v1/accidents and decided from what all that left behind. Winter 2026 closes at midnight
/// after 28 February 2027 in Shanghai; the accidents happen in March 2027, still under warranty.
/// </summary>
public sealed class AccidentJourneyTests
{
    static readonly DateTimeOffset WinterCloses = new(2027, 2, 28, 16, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Later = new(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_round_planned_and_missed_by_the_passes_makes_a_later_accident_preventable_with_its_losses()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        (await InspectionArrange.PlanAsync(app)).ShouldBe(2);
        var round = await app.DbAsync(db =>
            db.InspectionRounds.Where(r => r.Assets.Any(a => a.AssetId == w.World.AssetId)).Select(r => r.Id).SingleAsync()
        );
        app.Clock.SetUtcNow(WinterCloses.AddSeconds(-1));
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);
        app.Clock.SetUtcNow(WinterCloses);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(2);
        app.Clock.SetUtcNow(Later);
        var photo = await w.AssetPhotoAsync();
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var accident = await AccidentWorld.RecordAsync(
            dispatcher,
            new
            {
                customerId = w.World.CustomerId,
                assetId = w.World.AssetId,
                occurredAt = Later.AddDays(-5),
                description = "大风中广告牌倾倒，砸坏门卫室雨棚",
                lossesFen = 2_000_000,
                lossAssessment = "雨棚维修报价",
                documentIds = new[] { photo },
            }
        );

        accident.Preventable.ShouldBeTrue();
        accident.Reason.ShouldBe(AccidentReason.MissedRound);
        accident.RoundId.ShouldBe(round);
        var entries = await app.DbAsync(db =>
            db.PenaltyEntries.AsNoTracking().Where(e => e.AccidentId == accident.Id).OrderBy(e => e.Sequence).ToListAsync()
        );
        entries
            .Select(e => (e.Kind, e.AmountFen))
            .ShouldBe([(PenaltyKind.PreventableAccident, AccidentWorld.OnePercent), (PenaltyKind.Loss, 2_000_000L)]);
        accident.PenaltyEntryIds.ShouldBe(entries.Select(e => e.Id).ToList());
        entries[0].Description!.ShouldContain($"巡检 #{round}");
        var page = await dispatcher.GetPageAsync($"/Accidents/{accident.Id}");
        page.QuerySelector("#accident-reason-text")!.TextContent.ShouldBe("事故前最近一次到期的巡检已错过");
        page.QuerySelector("#accident-round")!.GetAttribute("data-id").ShouldBe(round.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_hazard_whose_preventive_work_order_was_restored_makes_no_later_accident_preventable()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var hazard = (await a.InspectAsync(app, FindingResult.Hazard))[0];
        await a.SignAsync();
        var completed = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var workOrder = (await completed.ReadJsonAsync<RoundOutput>()).Findings.Single(f => f.Id == hazard.Id).WorkOrderId!.Value;

        // Two days later the preventive work order is restored (恢复运行) through the API.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var restoredAt = app.Clock.GetUtcNow().UtcDateTime;
        var agent = await app.SignInAsync(Roles.Agent);
        var current = await (await agent.GetAsync($"/api/v1/work-orders/{workOrder}")).ReadJsonAsync<WorkOrderOutput>();
        var restored = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{workOrder}/events",
            new
            {
                type = "restore",
                note = "已更换螺栓并加固底座",
                version = current.Version,
            }
        );
        restored.StatusCode.ShouldBe(HttpStatusCode.OK, await restored.Content.ReadAsStringAsync());

        // Months later, before the pass has recorded the fix: the restoration itself settles the hazard.
        app.Clock.SetUtcNow(Later);
        var staff = await app.SignInAsync(Roles.Agent);
        var first = await AccidentWorld.RecordAsync(
            staff,
            new
            {
                assetId = a.World.AssetId,
                occurredAt = Later.AddDays(-5),
                description = "广告牌面板被冰雹砸裂",
                lossesFen = 0,
            }
        );
        (first.Preventable, first.Reason, first.RoundId).ShouldBe((false, AccidentReason.RoundCompleted, (long?)a.RoundId));
        first.OpenFindingIds.ShouldBeEmpty();

        // The pass records the hazard fixed at its work order's restoration.
        using (var scope = app.Services.CreateScope())
            (
                await scope
                    .ServiceProvider.GetRequiredService<InspectionPlanning>()
                    .RecordFixedHazardsAsync(TestContext.Current.CancellationToken)
            ).ShouldBe(1);
        var finding = await app.DbAsync(db => db.InspectionFindings.AsNoTracking().SingleAsync(f => f.Id == hazard.Id));
        (finding.Outcome, finding.ResolvedAtUtc, finding.WorkOrderId).ShouldBe(
            (FindingOutcome.Fixed, (DateTime?)restoredAt, (long?)workOrder)
        );

        var second = await AccidentWorld.RecordAsync(
            staff,
            new
            {
                assetId = a.World.AssetId,
                occurredAt = Later.AddDays(-4),
                description = "广告牌灯箱被大风吹落",
                lossesFen = 0,
            }
        );
        (second.Preventable, second.Reason).ShouldBe((false, AccidentReason.RoundCompleted));
        second.PenaltyEntryIds.ShouldBeEmpty();
        (await app.DbAsync(db => db.PenaltyEntries.CountAsync())).ShouldBe(0);
        var page = await staff.GetPageAsync($"/Accidents/{second.Id}");
        page.QuerySelector("#accident-decision")!.GetAttribute("data-preventable").ShouldBe("false");
        page.QuerySelector("#accident-reason-text")!.TextContent.ShouldBe("最近一次到期的巡检已按时完成，且无未处理的问题");

        // Between the finding and the restoration the hazard was open: an accident then was preventable by it.
        var before = await AccidentWorld.RecordAsync(
            staff,
            new
            {
                assetId = a.World.AssetId,
                occurredAt = new DateTimeOffset(restoredAt.AddHours(-1), TimeSpan.Zero),
                description = "广告牌底座松动倾斜",
                lossesFen = 0,
            }
        );
        (before.Preventable, before.Reason, before.FindingId).ShouldBe((true, AccidentReason.OpenFinding, (long?)hazard.Id));
    }
}
