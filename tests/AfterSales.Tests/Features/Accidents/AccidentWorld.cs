using System.Net;
using AfterSales.Features.Accidents;
using AfterSales.Features.Documents;
using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders;
using AfterSales.Tests.Features.Penalties;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>
/// Two customers with a ¥100,000.00 contract (tender terms: 1% per preventable accident, warranty
/// and free maintenance running through 2027) and one billboard each; the summer 2026 round of the
/// first customer's site set up through the inspection entities' own verbs, since the round pages
/// are built elsewhere. The clock stands at 2026-11-25 10:00 Shanghai, after the round's window.
/// </summary>
internal sealed class AccidentWorld
{
    public const long Total = 10_000_000;
    public const long OnePercent = 100_000;

    /// <summary>The summer window closes at the end of 31 August, Shanghai.</summary>
    public static readonly DateTime SummerDue = new(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc);

    public required AppFactory App { get; init; }
    public required WorkOrderWorld World { get; init; }
    public required long SiteId { get; init; }

    public DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    public static async Task<AccidentWorld> ArrangeAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var site = await app.DbAsync(db => db.Assets.Where(a => a.Id == world.AssetId).Select(a => a.SiteId).FirstAsync());
        return new AccidentWorld
        {
            App = app,
            World = world,
            SiteId = site,
        };
    }

    InspectionRound PlanSummer() =>
        InspectionRound.Plan(
            World.CustomerId,
            SiteId,
            Season.Summer,
            2026,
            new DateOnly(2026, 6, 1),
            new DateOnly(2026, 8, 31),
            SummerDue,
            [(World.AssetId, World.ContractId)],
            new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc)
        );

    /// <summary>The summer round, never done: missed detection flags it after the window.</summary>
    public Task<long> MissedRoundAsync() =>
        App.DbAsync(async db =>
        {
            var round = PlanSummer();
            db.InspectionRounds.Add(round);
            round.MarkMissedIfDue(Now).ShouldBeTrue();
            await db.SaveChangesAsync();
            return round.Id;
        });

    /// <summary>
    /// The summer round worked on 10 July with one hazard on the billboard (loose fixings), the
    /// customer signing; the hazard fixed on <paramref name="fixedAtUtc"/> (or left open).
    /// </summary>
    public async Task<(long RoundId, long FindingId)> CompletedRoundWithHazardAsync(DateTime? fixedAtUtc)
    {
        var signature = await LossTests.AttachAsync(App, World.CustomerId, DocumentOwner.Asset, World.AssetId, "签字.png");
        return await App.DbAsync(async db =>
        {
            var item = await db
                .ChecklistItems.Where(i => db.Assets.Any(a => a.Id == World.AssetId && a.ProductTypeId == i.ProductTypeId))
                .OrderBy(i => i.SortOrder)
                .FirstAsync();
            var round = PlanSummer();
            db.InspectionRounds.Add(round);
            await db.SaveChangesAsync();
            var visit = new DateTime(2026, 7, 10, 2, 0, 0, DateTimeKind.Utc);
            round.Schedule(new DateOnly(2026, 7, 10), "tech-1", "王工");
            // Each verb at the instant it was done on site, within the window.
            // The billboard's checklist at check-in: the one item marked below.
            round.CheckIn("tech-1", visit, "正门", new Dictionary<long, IReadOnlyList<long>> { [World.AssetId] = [item.Id] }, visit);
            var finding = round.Record(
                new FindingDraft(World.AssetId, item.Id, item.Text, FindingResult.Hazard, "广告牌底座螺栓松动", "立即加固底座"),
                visit.AddMinutes(30)
            );
            round.Sign(signature, "李老师", visit.AddHours(1));
            round.Complete(visit.AddHours(1), 5, null, visit.AddHours(1));
            await db.SaveChangesAsync();
            if (fixedAtUtc is { } at)
            {
                finding.Resolve(at, null, "已更换螺栓并加固底座", new Actor("tech-1", "王工"), Now);
                await db.SaveChangesAsync();
            }
            return (round.Id, finding.Id);
        });
    }

    public Task<long> AssetPhotoAsync(long? assetId = null, long? customerId = null) =>
        LossTests.AttachAsync(App, customerId ?? World.CustomerId, DocumentOwner.Asset, assetId ?? World.AssetId, "事故现场.jpg");

    /// <summary>Records an accident through the API and returns it (asserting 201).</summary>
    public static async Task<AccidentOutput> RecordAsync(HttpClient staff, object body)
    {
        var r = await staff.PostJsonAsync("/api/v1/accidents", body);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<AccidentOutput>();
    }
}
