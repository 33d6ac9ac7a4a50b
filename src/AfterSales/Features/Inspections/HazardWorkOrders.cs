using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// A hazard found on a round becomes a preventive work order (channel 巡检发现) through the same
/// intake as a hotline call, so it gets its number, coverage decision and clocks. The finding's
/// photos are attached to the work order too (the stored files are shared, not copied). Keyed by
/// the finding, so running it again after a failure never opens a second work order.
/// The intake commits on its own (group commit, another connection), so completing the round and
/// opening its work orders cannot share one transaction; instead every step is retryable: a
/// completed round's hazard still open without its work order is picked up by
/// <see cref="OpenPendingAsync"/> on the next background pass, which replays the keyed intake and
/// links (and adds the photos to) the work order a crash may have left unlinked.
/// </summary>
public sealed class HazardWorkOrders(
    AppDbContext db,
    OpenWorkOrder intake,
    TimeProvider clock,
    CurrentUser me,
    ILogger<HazardWorkOrders> log
)
{
    public static string IdempotencyKey(long findingId) => $"inspection-finding-{findingId}";

    /// <summary>
    /// Opens the work orders of every completed round's hazard that is still open without one.
    /// One failing hazard does not hold up the others; it is tried again on the next pass.
    /// </summary>
    public async Task<int> OpenPendingAsync(CancellationToken ct)
    {
        var pending = await db
            .InspectionFindings.Where(f =>
                f.Outcome == FindingOutcome.Open
                && f.Result == FindingResult.Hazard
                && f.WorkOrderId == null
                && db.InspectionRounds.Any(r => r.Id == f.RoundId && r.Status == RoundStatus.Completed)
            )
            .OrderBy(f => f.Id)
            .Take(500)
            .ToListAsync(ct);
        var opened = 0;
        foreach (var hazard in pending)
        {
            var round = await db.InspectionRounds.AsNoTracking().SingleAsync(r => r.Id == hazard.RoundId, ct);
            if (await TryOpenAsync(round, hazard, ct))
                opened++;
        }
        return opened;
    }

    /// <summary>
    /// Opens the hazard's work order; a failure is logged and left for <see cref="OpenPendingAsync"/>,
    /// since the round it was found on is already completed and stays so.
    /// </summary>
    public async Task<bool> TryOpenAsync(InspectionRound round, InspectionFinding hazard, CancellationToken ct)
    {
        try
        {
            await OpenAsync(round, hazard, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Preventive work order for finding {FindingId} not opened yet; retried on the next pass", hazard.Id);
            Undo();
            return false;
        }
    }

    /// <summary>Forgets what the failed attempt changed in memory, so the caller's other entities stay tracked.</summary>
    void Undo()
    {
        foreach (var e in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            if (e.State == EntityState.Added)
            {
                e.State = EntityState.Detached;
                continue;
            }
            e.CurrentValues.SetValues(e.OriginalValues);
            e.State = EntityState.Unchanged;
        }
    }

    public async Task<long> OpenAsync(InspectionRound round, InspectionFinding hazard, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var description =
            $"巡检发现隐患（{InspectionTitles.Season(round.Season)}巡检 {round.SeasonYear}）：{hazard.ItemText}。{hazard.Notes}";
        if (hazard.Proposal is { } p)
            description += $" 建议：{p}";
        if (description.Length > 4000)
            description = description[..4000];
        var opened = await intake.HandleAsync(
            new Intake(
                round.CustomerId,
                hazard.ContractId,
                [hazard.AssetId],
                Channel.Inspection,
                now,
                null,
                description,
                round.SignerName,
                null,
                false,
                FaultCause.Unknown
            ),
            me.UserId is null ? Actor.System : me.AsActor(),
            IdempotencyKey(hazard.Id),
            ct
        );
        var workOrderId = opened.WorkOrder.Id;
        // On a replay the photos may already be there (or lost with a crash before this save): add the missing ones.
        var attached = opened.Replayed
            ? await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == workOrderId)
                .Select(d => d.Sha256)
                .ToListAsync(ct)
            : [];
        var photos = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.InspectionFinding && d.OwnerId == hazard.Id)
            .ToListAsync(ct);
        photos.RemoveAll(d => attached.Contains(d.Sha256));
        db.Documents.AddRange(
            photos.Select(d =>
                Document.Create(
                    d.CustomerId,
                    DocumentOwner.WorkOrder,
                    workOrderId,
                    d.Kind,
                    d.FileName,
                    d.ContentType,
                    d.SizeBytes,
                    d.Sha256,
                    d.HasThumbnail,
                    null,
                    d.Caption ?? hazard.ItemText,
                    d.UploadedBy,
                    now
                )
            )
        );
        hazard.OpenedWorkOrder(workOrderId);
        await db.SaveChangesAsync(ct);
        return workOrderId;
    }
}
