using AfterSales.Features.Catalog;
using AfterSales.Features.Inspections.Rules;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// Plans rounds ahead with <see cref="RoundPlanner"/> and writes the new ones. Idempotent: sites
/// that already have a round for the season are skipped, and the unique index on site + season +
/// year refuses a second one written by another node at the same moment (that pass is retried
/// and then finds it). Costs one read of the installed signage and one write per new round, so a
/// whole season for 50,000 sites is planned in seconds and a rerun only reads.
/// </summary>
public sealed class InspectionPlanning(AppDbContext db, TimeProvider clock, IConfiguration config)
{
    public int LeadDays => config.GetValue("Inspections:LeadDays", 60);

    /// <summary>Every season whose window is running or opens within the lead time.</summary>
    public async Task<int> PlanAheadAsync(CancellationToken ct)
    {
        var today = Display.Today(clock);
        var created = 0;
        foreach (var (season, year) in RoundPlanner.SeasonsAround(today))
            created += await PlanSeasonAsync(season, year, today, ct);
        return created;
    }

    public async Task<int> PlanSeasonAsync(Season season, int year, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPlanAsync(season, year, today, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node planned some of these sites at the same moment; read again and fill the rest.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<int> TryPlanAsync(Season season, int year, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var planned = (
            await db.InspectionRounds.Where(r => r.Season == season && r.SeasonYear == year).Select(r => r.SiteId).ToListAsync(ct)
        ).ToHashSet();
        var windows = await db.InspectionWindows.AsNoTracking().ToDictionaryAsync(w => w.ContractId, ct);
        var contracts = (
            await db
                .Contracts.AsNoTracking()
                .Where(c => c.DeliveredOn != null)
                .Select(c => new
                {
                    c.Id,
                    c.DeliveredOn,
                    c.Terms.WarrantyMonths,
                    c.Terms.FreeMaintenanceMonths,
                })
                .ToListAsync(ct)
        ).ToDictionary(
            c => c.Id,
            c =>
            {
                var w = windows.GetValueOrDefault(c.Id);
                return new PlanningContract(
                    c.Id,
                    c.DeliveredOn,
                    c.WarrantyMonths,
                    c.FreeMaintenanceMonths,
                    w?.Summer ?? SeasonWindow.SummerDefault,
                    w?.Winter ?? SeasonWindow.WinterDefault
                );
            }
        );
        // Installed signage is inspected; promotional goods are replaced, not visited.
        var assets = await db
            .Assets.AsNoTracking()
            .Where(a => a.ProductType!.Group == ProductGroup.Signage)
            .Select(a => new PlanningAsset(a.Id, a.SiteId, a.CustomerId, a.ContractId))
            .ToListAsync(ct);
        var rounds = RoundPlanner.Plan(season, year, today, LeadDays, contracts, assets.Where(a => !planned.Contains(a.SiteId))).ToList();
        if (rounds.Count == 0)
            return 0;
        var zones = await db
            .Customers.AsNoTracking()
            .Select(c => new { c.Id, c.TimeZone })
            .ToDictionaryAsync(c => c.Id, c => c.TimeZone, ct);
        var zoneInfo = zones.Values.Distinct().ToDictionary(z => z, Display.Zone);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entities = rounds
            .Select(r =>
                InspectionRound.Plan(
                    r.CustomerId,
                    r.SiteId,
                    season,
                    year,
                    r.From,
                    r.Until,
                    RoundPlanner.DueAtUtc(r.Until, zoneInfo[zones[r.CustomerId]]),
                    [],
                    now
                )
            )
            .ToList();
        await BulkRows.InsertAsync(db, entities, ct);
        var sites = rounds.Select(r => r.SiteId).ToHashSet();
        var ids = (
            await db
                .InspectionRounds.Where(r => r.Season == season && r.SeasonYear == year)
                .Select(r => new { r.SiteId, r.Id })
                .ToListAsync(ct)
        )
            .Where(r => sites.Contains(r.SiteId))
            .ToDictionary(r => r.SiteId, r => r.Id);
        var links = rounds.SelectMany(r => r.Assets.Select(a => new InspectionRoundAsset(ids[r.SiteId], a.AssetId, a.ContractId))).ToList();
        await BulkRows.InsertAsync(db, links, ct);
        await tx.CommitAsync(ct);
        return rounds.Count;
    }

    /// <summary>
    /// Missed detection: rounds whose window closed before they were done (never started, or checked
    /// in and never checked out). Reads only open rounds already due (an index on status and due
    /// instant), so it costs what falls due. Each round missed raises an alert for the dispatch desk
    /// and one for its technician, saved with the status: a round is marked missed once (its version
    /// guards it against a second node), so its alerts are written once, and the alerts' unique
    /// index holds that too.
    /// </summary>
    public async Task<int> DetectMissedAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryDetectMissedAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node marked some of these rounds at the same moment; read again and mark the rest.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<int> TryDetectMissedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db
            .InspectionRounds.Where(r =>
                (r.Status == RoundStatus.Planned || r.Status == RoundStatus.Scheduled || r.Status == RoundStatus.InProgress)
                && r.DueAtUtc <= now
            )
            .OrderBy(r => r.DueAtUtc)
            .Take(5000)
            .ToListAsync(ct);
        var missed = due.Where(r => r.MarkMissedIfDue(now)).ToList();
        if (missed.Count == 0)
            return 0;
        foreach (var r in missed)
        {
            db.Alerts.Add(Alert.ForMissedRound(r.Id, null, now));
            if (r.TechnicianId is not null)
                db.Alerts.Add(Alert.ForMissedRound(r.Id, r.TechnicianId, now));
        }
        await db.SaveChangesAsync(ct);
        return missed.Count;
    }

    /// <summary>Hazards whose preventive work order was restored are fixed from that instant.</summary>
    public async Task<int> RecordFixedHazardsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.InspectionFindings.Where(f => f.Outcome == FindingOutcome.InWorkOrder).ToListAsync(ct);
        if (waiting.Count == 0)
            return 0;
        var restored = await WorkOrderRestorations.RestoredAtAsync(db, [.. waiting.Select(f => f.WorkOrderId!.Value)], ct);
        var fixedCount = 0;
        foreach (var f in waiting)
        {
            if (restored.TryGetValue(f.WorkOrderId!.Value, out var at))
            {
                f.Resolve(at < f.RecordedAtUtc ? f.RecordedAtUtc : at, f.WorkOrderId, null, WorkOrders.Actor.System, now);
                fixedCount++;
            }
        }
        if (fixedCount > 0)
            await db.SaveChangesAsync(ct);
        return fixedCount;
    }
}
