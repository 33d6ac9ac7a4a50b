using System.Net;
using System.Net.Http.Json;
using AfterSales.Features.Inspections;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// Two customers with a billboard each (delivered 2025-03-01, so in coverage); the winter 2026
/// rounds planned on the test clock's day (2026-11-25); the first customer's round scheduled for a
/// signed-in technician, with the clock moved into the window.
/// </summary>
public sealed record InspectionArrange(
    WorkOrderWorld World,
    long RoundId,
    long OtherRoundId,
    HttpClient Technician,
    string TechnicianId,
    HttpClient Dispatcher
)
{
    public static readonly DateOnly Day = new(2026, 12, 3);

    public static async Task<int> PlanAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InspectionPlanning>().PlanAheadAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<int> DetectMissedAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope
            .ServiceProvider.GetRequiredService<InspectionPlanning>()
            .DetectMissedAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<InspectionArrange> ArrangeAsync(AppFactory app, bool schedule = true)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        (await PlanAsync(app)).ShouldBe(2);
        var rounds = await app.DbAsync(db => db.InspectionRounds.OrderBy(r => r.CustomerId).Select(r => r.Id).ToListAsync());
        // Into the window; sign-in cookies are issued on the new clock.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var name = $"tech{Guid.NewGuid():N}"[..16];
        var technician = await app.SignInAsync(Roles.Technician, userName: name);
        var techId = await app.DbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        if (schedule)
        {
            var scheduled = await dispatcher.PostJsonAsync(
                $"/api/v1/inspection-rounds/{rounds[0]}/schedule",
                new { on = Day, technicianId = techId }
            );
            scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        }
        return new InspectionArrange(world, rounds[0], rounds[1], technician, techId, dispatcher);
    }

    public async Task<List<ChecklistItemOutput>> ChecklistAsync(AppFactory app)
    {
        var type = await app.DbAsync(db => db.Assets.Where(a => a.Id == World.AssetId).Select(a => a.ProductTypeId).SingleAsync());
        var items = await Technician.GetFromJsonAsync<List<ChecklistItemOutput>>(
            $"/api/v1/checklists?productTypeId={type}",
            HttpExtensions.Json
        );
        items!.Count.ShouldBeGreaterThan(1);
        return items;
    }

    /// <summary>Checks in and marks every item ok except the first, which gets <paramref name="first"/>.</summary>
    public async Task<List<FindingOutput>> InspectAsync(AppFactory app, FindingResult first)
    {
        (await Technician.PostJsonAsync($"/api/v1/inspection-rounds/{RoundId}/check-in", new { location = "正门" })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        var found = new List<FindingOutput>();
        foreach (var (item, i) in (await ChecklistAsync(app)).Select((x, i) => (x, i)))
        {
            var result = i == 0 ? first : FindingResult.Ok;
            var posted = await Technician.PostJsonAsync(
                $"/api/v1/inspection-rounds/{RoundId}/findings",
                new
                {
                    assetId = World.AssetId,
                    checklistItemId = item.Id,
                    result,
                    notes = result == FindingResult.Ok ? null : "立柱底座焊缝开裂",
                    proposal = result == FindingResult.Ok ? null : "建议加固底座",
                }
            );
            posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
            found.Add(await posted.ReadJsonAsync<FindingOutput>());
        }
        return found;
    }

    public async Task SignAsync()
    {
        var signed = await Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{RoundId}/signature",
            new { png = Visits.VisitArrange.SignatureDataUrl(), signerName = "王老师" }
        );
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
    }
}
