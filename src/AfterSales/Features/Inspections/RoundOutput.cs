namespace AfterSales.Features.Inspections;

public sealed record FindingOutput(
    long Id,
    long RoundId,
    long AssetId,
    long ContractId,
    long ChecklistItemId,
    string Item,
    FindingResult Result,
    string? Notes,
    string? Proposal,
    DateTime RecordedAt,
    FindingOutcome Outcome,
    long? WorkOrderId,
    DateTime? ResolvedAt,
    string? ResolutionNote,
    IReadOnlyList<long> PhotoIds
)
{
    public static FindingOutput From(InspectionFinding f, IReadOnlyList<long> photos) =>
        new(
            f.Id,
            f.RoundId,
            f.AssetId,
            f.ContractId,
            f.ChecklistItemId,
            f.ItemText,
            f.Result,
            f.Notes,
            f.Proposal,
            f.RecordedAtUtc,
            f.Outcome,
            f.WorkOrderId,
            f.ResolvedAtUtc,
            f.ResolutionNote,
            photos
        );
}

public sealed record RoundOutput(
    long Id,
    long CustomerId,
    long SiteId,
    Season Season,
    int SeasonYear,
    DateOnly WindowFrom,
    DateOnly WindowUntil,
    DateTime DueAt,
    RoundStatus Status,
    DateOnly? ScheduledOn,
    string? TechnicianId,
    string? TechnicianName,
    DateTime? CheckInAt,
    DateTime? CheckOutAt,
    DateTime? MissedAt,
    string? SignerName,
    int? Satisfaction,
    string? SatisfactionComment,
    long Version,
    IReadOnlyList<long> AssetIds,
    IReadOnlyList<FindingOutput> Findings
)
{
    public static RoundOutput From(InspectionRound r, ILookup<long, long> photos) =>
        new(
            r.Id,
            r.CustomerId,
            r.SiteId,
            r.Season,
            r.SeasonYear,
            r.WindowFrom,
            r.WindowUntil,
            r.DueAtUtc,
            r.Status,
            r.ScheduledOn,
            r.TechnicianId,
            r.TechnicianName,
            r.CheckInAtUtc,
            r.CheckOutAtUtc,
            r.MissedAtUtc,
            r.SignerName,
            r.Satisfaction,
            r.SatisfactionComment,
            r.Version,
            [.. r.Assets.Select(a => a.AssetId).Order()],
            [.. r.Findings.OrderBy(f => f.AssetId).ThenBy(f => f.ChecklistItemId).Select(f => FindingOutput.From(f, [.. photos[f.Id]]))]
        );
}
