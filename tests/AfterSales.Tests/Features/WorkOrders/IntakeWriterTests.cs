using System.Net;
using System.Text.Json;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders;

/// <summary>
/// Intake writes its rows through prepared statements instead of SaveChanges: the rows, their keys
/// and the audit row must be what SaveChanges wrote.
/// </summary>
public sealed class IntakeWriterTests
{
    [Fact]
    public async Task A_major_intake_stores_its_asset_clocks_events_and_one_audit_row_of_every_value_as_the_agent()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent, userName: "agent-wang");

        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "广告牌整体倾斜",
                contactName = "张工",
                isMajor = true,
                cause = "Defect",
            }
        );

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var w = await created.ReadJsonAsync<WorkOrderOutput>();
        w.Clocks.Select(c => c.Kind).ShouldBe([ClockKind.Response, ClockKind.Restore, ClockKind.Expert], ignoreOrder: true);
        await app.DbAsync(async db =>
        {
            var stored = await db
                .WorkOrders.AsNoTracking()
                .Include(x => x.Clocks)
                .Include(x => x.Events)
                .Include(x => x.Assets)
                .SingleAsync();
            stored.Id.ShouldBe(w.Id);
            stored.Number.ShouldBe("GD-20261125-0001");
            stored.Clocks.Count.ShouldBe(3);
            stored.Clocks.ShouldAllBe(c => c.Id > 0 && c.WorkOrderId == w.Id);
            stored
                .Events.Select(e => e.Type)
                .ShouldBe([WorkOrderEventType.Received, WorkOrderEventType.CoverageDecided], ignoreOrder: true);
            stored.Assets.Single().AssetId.ShouldBe(world.AssetId);
            stored.NextDueUtc.ShouldBe(stored.Clocks.Min(c => c.DueUtc));

            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(WorkOrder));
            audit.EntityId.ShouldBe(w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            audit.Action.ShouldBe(AuditAction.Created);
            audit.UserName.ShouldBe("agent-wang");
            // Every stored value but the key, as the audit trail records a new row.
            var entry = db.Entry(stored);
            var expected = entry
                .Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null)
                .Select(p => p.Metadata.Name)
                .ToList();
            using var changes = JsonDocument.Parse(audit.Changes);
            var recorded = changes.RootElement.EnumerateArray().ToList();
            recorded.Select(c => c.GetProperty("p").GetString()).ShouldBe(expected);
            recorded.Single(c => c.GetProperty("p").GetString() == "Description").GetProperty("n").GetString().ShouldBe("广告牌整体倾斜");
            recorded.Single(c => c.GetProperty("p").GetString() == "IsMajor").GetProperty("n").GetString().ShouldBe("True");
        });
    }
}
