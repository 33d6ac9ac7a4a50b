using AfterSales.Features.Penalties.Rules;

namespace AfterSales.Features.Penalties;

/// <summary>
/// An entry before it takes its place in a contract's chain: what is charged and why. The ledger
/// writer adds the sequence, the cap, the running total, who recorded it and the hashes.
/// </summary>
/// <param name="ComputedFen">The amount before any cap: rate × total, an assessed loss, or minus the entry a counter-entry cancels.</param>
/// <param name="BaseFen">The contract total the amount was computed from.</param>
internal sealed record EntryDraft(
    long ContractId,
    long CustomerId,
    PenaltyKind Kind,
    long ComputedFen,
    long BaseFen,
    DateTime OccurredAtUtc,
    long? WorkOrderId = null,
    int? Period = null,
    int? RateBp = null,
    long? OriginalEntryId = null,
    string? Description = null,
    ClockEvidence? Clock = null,
    IReadOnlyList<EvidenceDocument>? Documents = null,
    long? AccidentId = null
);

/// <summary>
/// The clock an entry rests on: which clock, the due instant the periods count from, the events
/// that started and met it (the meeting event only once it is recorded), and the pauses that
/// began before the due instant and so extended it.
/// </summary>
public sealed record ClockEvidence(long ClockId, DateTime DueUtc, long? StartEventId, long? EndEventId, IReadOnlyList<long> PauseIds);
