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
/// </summary>
public sealed class HazardWorkOrders(AppDbContext db, OpenWorkOrder intake, TimeProvider clock, CurrentUser me)
{
    public static string IdempotencyKey(long findingId) => $"inspection-finding-{findingId}";

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
        if (!opened.Replayed)
        {
            var photos = await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.InspectionFinding && d.OwnerId == hazard.Id)
                .ToListAsync(ct);
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
        }
        hazard.OpenedWorkOrder(workOrderId);
        await db.SaveChangesAsync(ct);
        return workOrderId;
    }
}
