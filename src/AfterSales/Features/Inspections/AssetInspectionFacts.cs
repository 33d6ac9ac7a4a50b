using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>The last round an asset was due for before an instant, and how it ended.</summary>
public sealed record DueRoundFact(
    long RoundId,
    Season Season,
    int SeasonYear,
    DateTime DueAtUtc,
    RoundStatus Status,
    DateTime? CompletedAtUtc
)
{
    /// <summary>Not done by its due instant: missed, whether or not missed detection has run yet.</summary>
    public bool WasMissed => Status != RoundStatus.Completed || CompletedAtUtc is null || CompletedAtUtc > DueAtUtc;
}

/// <summary>A hazard or needs-attention finding still open (not acted on) at an instant.</summary>
public sealed record OpenFindingFact(
    long FindingId,
    long RoundId,
    FindingResult Result,
    string ItemText,
    string? Notes,
    string? Proposal,
    DateTime RecordedAtUtc,
    FindingOutcome OutcomeNow,
    DateTime? ResolvedAtUtc,
    long? WorkOrderId
);

/// <summary>
/// What inspections say about one asset at a past instant, for deciding whether an accident was
/// preventable (DESIGN §2, promise 12): its last round due by then and whether it was done, and the
/// problems found on it that were still open then. A finding counts as acted on from the instant
/// it was resolved (fixed or declined); a hazard whose work order was restored counts as fixed
/// from the restoration, even before the periodic pass has copied that over.
/// </summary>
public static class AssetInspectionFacts
{
    public static Task<DueRoundFact?> LastDueRoundAsync(AppDbContext db, long assetId, DateTime atUtc, CancellationToken ct) =>
        (
            from ra in db.InspectionRoundAssets
            join r in db.InspectionRounds on ra.RoundId equals r.Id
            where ra.AssetId == assetId && r.DueAtUtc <= atUtc
            orderby r.DueAtUtc descending
            select new DueRoundFact(r.Id, r.Season, r.SeasonYear, r.DueAtUtc, r.Status, r.CheckOutAtUtc)
        ).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<OpenFindingFact>> OpenFindingsAsync(
        AppDbContext db,
        long assetId,
        DateTime atUtc,
        CancellationToken ct
    )
    {
        var candidates = await db
            .InspectionFindings.AsNoTracking()
            .Where(f => f.AssetId == assetId && f.Result != FindingResult.Ok && f.RecordedAtUtc <= atUtc)
            .Where(f => f.ResolvedAtUtc == null || f.ResolvedAtUtc > atUtc)
            .OrderBy(f => f.RecordedAtUtc)
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return [];
        var restored = await WorkOrderRestorations.RestoredAtAsync(
            db,
            [.. candidates.Where(f => f.ResolvedAtUtc is null && f.WorkOrderId is not null).Select(f => f.WorkOrderId!.Value)],
            ct
        );
        return
        [
            .. candidates
                .Where(f => f.WorkOrderId is not { } w || !restored.TryGetValue(w, out var at) || at > atUtc)
                .Select(f => new OpenFindingFact(
                    f.Id,
                    f.RoundId,
                    f.Result,
                    f.ItemText,
                    f.Notes,
                    f.Proposal,
                    f.RecordedAtUtc,
                    f.Outcome,
                    f.ResolvedAtUtc,
                    f.WorkOrderId
                )),
        ];
    }
}
