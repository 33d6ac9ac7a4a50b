using System.Net;
using System.Net.Http.Json;
using AfterSales.Features.Assets;
using AfterSales.Features.Documents;
using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Inspections;

public sealed class InspectionRoundTests
{
    [Fact]
    public async Task Planning_is_idempotent_and_a_round_completed_with_a_hazard_opens_a_preventive_work_order_with_its_photo()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        (await InspectionArrange.PlanAsync(app)).ShouldBe(0);
        (await app.DbAsync(db => db.InspectionRounds.CountAsync())).ShouldBe(2);

        var findings = await a.InspectAsync(app, FindingResult.Hazard);
        var hazard = findings[0];
        await app.DbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var attach = scope.ServiceProvider.GetRequiredService<AttachDocument>();
            await attach.HandleAsync(
                new NewDocument(DocumentOwner.InspectionFinding, hazard.Id, DocumentKind.RepairSitePhoto, null, "底座"),
                "base.png",
                new MemoryStream(Documents.TestFiles.Png()),
                TestContext.Current.CancellationToken
            );
        });
        await a.SignAsync();
        var completed = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/complete",
            new { satisfaction = 5, comment = "很满意" }
        );
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var round = await completed.ReadJsonAsync<RoundOutput>();
        round.Status.ShouldBe(RoundStatus.Completed);
        round.Satisfaction.ShouldBe(5);

        var found = round.Findings.Single(f => f.Id == hazard.Id);
        found.Outcome.ShouldBe(FindingOutcome.InWorkOrder);
        var w = await app.DbAsync(db => db.WorkOrders.Include(x => x.Assets).SingleAsync(x => x.Id == found.WorkOrderId));
        w.Channel.ShouldBe(Channel.Inspection);
        w.CustomerId.ShouldBe(a.World.CustomerId);
        w.Assets.Single().AssetId.ShouldBe(a.World.AssetId);
        w.Description.ShouldContain("立柱底座焊缝开裂");
        var photos = await app.DbAsync(db =>
            db.Documents.Where(d => d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == w.Id).ToListAsync()
        );
        photos.Single().Caption.ShouldBe("底座");
        round.Findings.Where(f => f.Id != hazard.Id).ShouldAllBe(f => f.WorkOrderId == null);

        // What an accident decision reads: the round was done in time, and the hazard is open until its work order is restored.
        var after = app.Clock.GetUtcNow().UtcDateTime.AddDays(100);
        await app.DbAsync(async db =>
        {
            var due = await AssetInspectionFacts.LastDueRoundAsync(db, a.World.AssetId, after, TestContext.Current.CancellationToken);
            due!.RoundId.ShouldBe(a.RoundId);
            due.WasMissed.ShouldBeFalse();
            var open = await AssetInspectionFacts.OpenFindingsAsync(db, a.World.AssetId, after, TestContext.Current.CancellationToken);
            open.Single().FindingId.ShouldBe(hazard.Id);
            (
                await AssetInspectionFacts.OpenFindingsAsync(
                    db,
                    a.World.AssetId,
                    hazard.RecordedAt.AddSeconds(-1),
                    TestContext.Current.CancellationToken
                )
            ).ShouldBeEmpty();
        });

        // Completing twice is refused and changes nothing.
        var before = await app.SnapshotAsync();
        var again = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 4 });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("巡检已完成，不能再次完成");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.InspectionRounds.SingleAsync(r => r.Id == a.RoundId))).Satisfaction.ShouldBe(5);
    }

    [Fact]
    public async Task A_finding_on_an_asset_of_another_site_or_customer_is_refused_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var items = await a.ChecklistAsync(app);
        (await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        var otherSiteAsset = await app.DbAsync(async db =>
        {
            var customer = await db.Customers.Include(c => c.Sites).SingleAsync(c => c.Id == a.World.CustomerId);
            var site = customer.AddSite("东校区", "某路 9 号");
            await db.SaveChangesAsync();
            var contract = await db.Contracts.SingleAsync(c => c.Id == a.World.ContractId);
            var type = await db.ProductTypes.SingleAsync(t => t.Code == "billboard");
            var asset = Asset.Create(contract, site, type, 1, "东门", null, null, app.Clock.GetUtcNow().UtcDateTime);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        var before = await app.SnapshotAsync();
        foreach (var assetId in new[] { otherSiteAsset, a.World.OtherCustomerAssetId })
        {
            var refused = await a.Technician.PostJsonAsync(
                $"/api/v1/inspection-rounds/{a.RoundId}/findings",
                new
                {
                    assetId,
                    checklistItemId = items[0].Id,
                    result = "Ok",
                }
            );
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("该设备不在本次巡检的范围内");
        }
        var needsProposal = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/findings",
            new
            {
                assetId = a.World.AssetId,
                checklistItemId = items[0].Id,
                result = "NeedsAttention",
                notes = "画面轻微褪色",
            }
        );
        needsProposal.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await needsProposal.Content.ReadAsStringAsync()).ShouldContain("需关注的项目请填写建议");
        var unsigned = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unsigned.Content.ReadAsStringAsync()).ShouldContain("还有1台设备未检查");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_needs_attention_proposal_stays_open_until_the_customer_declines_it()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var finding = (await a.InspectAsync(app, FindingResult.NeedsAttention))[0];
        await a.SignAsync();
        (await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 4 })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        (await app.DbAsync(db => db.WorkOrders.CountAsync())).ShouldBe(0);
        var before = await app.SnapshotAsync();
        var noReason = await a.Dispatcher.PostJsonAsync($"/api/v1/inspection-findings/{finding.Id}/outcome", new { outcome = "Declined" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.SnapshotAsync()).ShouldBe(before);

        app.Clock.Advance(TimeSpan.FromHours(3));
        var declined = await a.Dispatcher.PostJsonAsync(
            $"/api/v1/inspection-findings/{finding.Id}/outcome",
            new { outcome = "Declined", note = "客户表示明年统一更换" }
        );
        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync());
        var d = await declined.ReadJsonAsync<FindingOutput>();
        d.Outcome.ShouldBe(FindingOutcome.Declined);
        await app.DbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            (await AssetInspectionFacts.OpenFindingsAsync(db, a.World.AssetId, d.ResolvedAt!.Value.AddSeconds(-1), ct))
                .Single()
                .FindingId.ShouldBe(finding.Id);
            (await AssetInspectionFacts.OpenFindingsAsync(db, a.World.AssetId, d.ResolvedAt!.Value, ct)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_round_whose_window_ends_undone_is_missed_and_shown_as_missed()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);
        // Winter 2026 closes at midnight after 28 February 2027 in Shanghai: 16:00 UTC that day.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 15, 59, 59, TimeSpan.Zero));
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero));
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(2);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);

        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var late = await dispatcher.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("巡检已错过，不能签到");
        var missed = await dispatcher.GetFromJsonAsync<RoundPage>(
            "/api/v1/inspection-rounds?status=Missed",
            HttpExtensions.Json,
            TestContext.Current.CancellationToken
        );
        missed!.Rows.Count.ShouldBe(2);
        await app.DbAsync(async db =>
        {
            var due = await AssetInspectionFacts.LastDueRoundAsync(
                db,
                a.World.AssetId,
                new DateTime(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc),
                TestContext.Current.CancellationToken
            );
            due!.Status.ShouldBe(RoundStatus.Missed);
            due.WasMissed.ShouldBeTrue();
            (
                await AssetInspectionFacts.LastDueRoundAsync(
                    db,
                    a.World.AssetId,
                    new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc),
                    TestContext.Current.CancellationToken
                )
            ).ShouldBeNull();
        });
    }

    [Fact]
    public async Task Customers_see_only_their_own_rounds_and_technicians_only_those_assigned_to_them()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, a.World.CustomerId);
        (await customer.GetAsync($"/api/v1/inspection-rounds/{a.RoundId}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        (await customer.GetAsync($"/api/v1/inspection-rounds/{a.OtherRoundId}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        var own = await customer.GetFromJsonAsync<RoundPage>(
            "/api/v1/inspection-rounds",
            HttpExtensions.Json,
            TestContext.Current.CancellationToken
        );
        own!.Rows.Select(r => r.Id).ShouldBe([a.RoundId]);

        (
            await a.Technician.GetAsync($"/api/v1/inspection-rounds/{a.OtherRoundId}", TestContext.Current.CancellationToken)
        ).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await app.SignInAsync(Roles.Technician);
        var before = await app.SnapshotAsync();
        (await other.GetAsync($"/api/v1/inspection-rounds/{a.RoundId}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await other.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { })).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await customer.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { })).StatusCode.ShouldBe(
            HttpStatusCode.Forbidden
        );
        var mine = await other.GetFromJsonAsync<RoundPage>(
            "/api/v1/inspection-rounds",
            HttpExtensions.Json,
            TestContext.Current.CancellationToken
        );
        mine!.Rows.ShouldBeEmpty();
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_round_list_pages_by_keyset_without_gaps_or_duplicates()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app, schedule: false);
        var first = await a.Dispatcher.GetFromJsonAsync<RoundPage>(
            "/api/v1/inspection-rounds?limit=1",
            HttpExtensions.Json,
            TestContext.Current.CancellationToken
        );
        first!.Rows.Count.ShouldBe(1);
        first.Next.ShouldNotBeNull();
        var second = await a.Dispatcher.GetFromJsonAsync<RoundPage>(
            $"/api/v1/inspection-rounds?limit=1&after={first.Next}",
            HttpExtensions.Json,
            TestContext.Current.CancellationToken
        );
        second!.Rows.Count.ShouldBe(1);
        second.Next.ShouldBeNull();
        new[] { first.Rows[0].Id, second.Rows[0].Id }.Order().ShouldBe(new[] { a.RoundId, a.OtherRoundId }.Order());
    }
}
