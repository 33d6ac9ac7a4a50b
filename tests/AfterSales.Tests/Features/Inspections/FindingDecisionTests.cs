using System.Net;
using AfterSales.Features.Documents;
using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// A finding decided by staff (fixed or declined) keeps that decision: it is not re-recorded, and
/// completing the round opens work orders for the hazards still open only. A completion whose
/// work orders were not opened (a crash between the two commits) is made good by the background
/// pass, never leaving a hazard without its work order or a work order without its hazard.
/// </summary>
public sealed class FindingDecisionTests
{
    static object Mark(long assetId, long itemId, FindingResult result) =>
        new
        {
            assetId,
            checklistItemId = itemId,
            result,
            notes = result == FindingResult.Ok ? null : "广告牌底座螺栓松动",
            proposal = result == FindingResult.Ok ? null : "加固底座",
        };

    static async Task<List<FindingOutput>> MarkAllAsync(InspectionArrange a, AppFactory app, params FindingResult[] firsts)
    {
        var found = new List<FindingOutput>();
        foreach (var (item, i) in (await a.ChecklistAsync(app)).Select((x, i) => (x, i)))
        {
            var posted = await a.Technician.PostJsonAsync(
                $"/api/v1/inspection-rounds/{a.RoundId}/findings",
                Mark(a.World.AssetId, item.Id, i < firsts.Length ? firsts[i] : FindingResult.Ok)
            );
            posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
            found.Add(await posted.ReadJsonAsync<FindingOutput>());
        }
        return found;
    }

    static async Task CheckInAsync(InspectionArrange a) =>
        (await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );

    [Fact]
    public async Task A_declined_finding_cannot_be_recorded_again_and_stays_declined()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        await CheckInAsync(a);
        var finding = (await MarkAllAsync(a, app, FindingResult.NeedsAttention))[0];
        var declined = await a.Dispatcher.PostJsonAsync(
            $"/api/v1/inspection-findings/{finding.Id}/outcome",
            new { outcome = "Declined", note = "客户表示暂不处理" }
        );
        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync());
        var before = await app.SnapshotAsync();

        var again = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/findings",
            Mark(a.World.AssetId, finding.ChecklistItemId, FindingResult.Hazard)
        );

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, await again.Content.ReadAsStringAsync());
        (await again.Content.ReadAsStringAsync()).ShouldContain("该项已客户拒绝，不能重新记录检查结果");
        (await app.SnapshotAsync()).ShouldBe(before);
        var stored = await app.DbAsync(db => db.InspectionFindings.AsNoTracking().SingleAsync(f => f.Id == finding.Id));
        (stored.Result, stored.Outcome).ShouldBe((FindingResult.NeedsAttention, FindingOutcome.Declined));
        stored.ResolvedAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_hazard_fixed_during_the_round_opens_no_work_order_and_the_open_one_does()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        await CheckInAsync(a);
        var found = await MarkAllAsync(a, app, FindingResult.Hazard, FindingResult.Hazard);
        var fixedOnSite = await a.Dispatcher.PostJsonAsync(
            $"/api/v1/inspection-findings/{found[0].Id}/outcome",
            new { outcome = "Fixed", note = "现场已紧固螺栓" }
        );
        fixedOnSite.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedOnSite.Content.ReadAsStringAsync());
        await a.SignAsync();

        var completed = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });

        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var round = await completed.ReadJsonAsync<RoundOutput>();
        round.Status.ShouldBe(RoundStatus.Completed);
        var fixedOne = round.Findings.Single(f => f.Id == found[0].Id);
        (fixedOne.Outcome, fixedOne.WorkOrderId).ShouldBe((FindingOutcome.Fixed, (long?)null));
        var open = round.Findings.Single(f => f.Id == found[1].Id);
        open.Outcome.ShouldBe(FindingOutcome.InWorkOrder);
        var orders = await app.DbAsync(db => db.WorkOrders.AsNoTracking().Select(w => new { w.Id, w.IdempotencyKey }).ToListAsync());
        orders.ShouldHaveSingleItem().Id.ShouldBe(open.WorkOrderId!.Value);
        orders[0].IdempotencyKey.ShouldBe(HazardWorkOrders.IdempotencyKey(found[1].Id));
    }

    [Fact]
    public async Task A_completion_cut_off_before_its_work_order_is_made_good_by_the_background_pass_once()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        await CheckInAsync(a);
        var found = await MarkAllAsync(a, app, FindingResult.Hazard, FindingResult.Hazard);
        foreach (var f in found.Take(2))
            await AttachPhotoAsync(app, f.Id);
        await a.SignAsync();
        // What a crash leaves: the round completed and saved, its work orders never opened; and for the
        // second hazard, the intake committed (keyed by the finding) but the link never saved.
        await app.DbAsync(async db =>
        {
            var round = await db.InspectionRounds.Include(r => r.Assets).Include(r => r.Findings).SingleAsync(r => r.Id == a.RoundId);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            round.Complete(now, 5, null, now).Count.ShouldBe(2);
            await db.SaveChangesAsync();
        });
        long unlinked;
        using (var scope = app.Services.CreateScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<OpenWorkOrder>();
            var opened = await intake.HandleAsync(
                new Intake(
                    a.World.CustomerId,
                    a.World.ContractId,
                    [a.World.AssetId],
                    Channel.Inspection,
                    app.Clock.GetUtcNow().UtcDateTime,
                    null,
                    "巡检发现隐患",
                    null,
                    null,
                    false,
                    FaultCause.Unknown
                ),
                Actor.System,
                HazardWorkOrders.IdempotencyKey(found[1].Id),
                TestContext.Current.CancellationToken
            );
            unlinked = opened.WorkOrder.Id;
        }

        (await OpenPendingAsync(app)).ShouldBe(2);

        var findings = await app.DbAsync(db =>
            db.InspectionFindings.AsNoTracking()
                .Where(f => f.RoundId == a.RoundId && f.Result == FindingResult.Hazard)
                .OrderBy(f => f.Id)
                .ToListAsync()
        );
        findings.ShouldAllBe(f => f.Outcome == FindingOutcome.InWorkOrder && f.WorkOrderId != null);
        findings[1].WorkOrderId.ShouldBe(unlinked);
        var orders = await app.DbAsync(db => db.WorkOrders.AsNoTracking().Select(w => w.Id).OrderBy(w => w).ToListAsync());
        orders.ShouldBe(findings.Select(f => f.WorkOrderId!.Value).Order().ToList());
        foreach (var f in findings)
            (await PhotosOfAsync(app, f.WorkOrderId!.Value)).ShouldBe(1);

        // Nothing left to do: a second pass opens nothing and adds nothing.
        var before = await app.SnapshotAsync();
        (await OpenPendingAsync(app)).ShouldBe(0);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    static async Task<int> OpenPendingAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HazardWorkOrders>().OpenPendingAsync(TestContext.Current.CancellationToken);
    }

    static Task<int> PhotosOfAsync(AppFactory app, long workOrderId) =>
        app.DbAsync(db => db.Documents.CountAsync(d => d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == workOrderId));

    static async Task AttachPhotoAsync(AppFactory app, long findingId)
    {
        using var scope = app.Services.CreateScope();
        await scope
            .ServiceProvider.GetRequiredService<AttachDocument>()
            .HandleAsync(
                new NewDocument(DocumentOwner.InspectionFinding, findingId, DocumentKind.RepairSitePhoto, null, "底座"),
                $"base{findingId}.png",
                new MemoryStream(Documents.TestFiles.Png()),
                TestContext.Current.CancellationToken
            );
    }
}
