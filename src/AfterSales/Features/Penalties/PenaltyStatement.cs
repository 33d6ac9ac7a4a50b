using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Penalties;

/// <summary>A contract's ledger for a period: its entries in chain order with their evidence, and the totals.</summary>
/// <param name="FromUtc">Inclusive start of the period (by <see cref="PenaltyLine.OccurredAtUtc"/>); null: from the first entry.</param>
/// <param name="ToUtc">Exclusive end of the period; null: up to now.</param>
public sealed record PenaltyStatement(
    ContractHeader Contract,
    DateTime? FromUtc,
    DateTime? ToUtc,
    IReadOnlyList<PenaltyLine> Entries,
    PenaltyTotals Totals
);

/// <summary>
/// One page of a statement: <see cref="PenaltyStatement.Entries"/> holds only the page's entries,
/// its totals cover the whole period; <see cref="CountByKind"/> counts the period's entries by kind,
/// <see cref="Last"/> is the period's last entry in chain order (null when it has none).
/// </summary>
public sealed record PenaltyStatementPage(
    PenaltyStatement Statement,
    IReadOnlyDictionary<PenaltyKind, int> CountByKind,
    PenaltyHead? Last,
    int Number,
    int Count
);

/// <summary>An entry's place in the chain and its hash: what a statement names as its last entry.</summary>
public sealed record PenaltyHead(long Sequence, string Hash);

/// <summary>The contract a statement is about, with what its amounts are computed from.</summary>
public sealed record ContractHeader(
    long Id,
    string Number,
    string Title,
    long CustomerId,
    string CustomerName,
    string TimeZone,
    long TotalFen,
    int ResponsePenaltyBp,
    int LateRestorePenaltyBp,
    int AccidentPenaltyBp,
    int? PenaltyCapBp,
    long? CapFen
);

/// <summary>
/// One ledger entry as statements show it. <see cref="CounterEntryId"/> is the waiver or correction
/// that cancelled it, if any (wherever that falls in time); <see cref="OriginalEntryId"/> is the
/// entry a counter-entry cancels.
/// </summary>
public sealed record PenaltyLine(
    long Id,
    long ContractId,
    long Sequence,
    PenaltyKind Kind,
    int? Period,
    long? WorkOrderId,
    string? WorkOrderNumber,
    long AmountFen,
    long ComputedFen,
    long BaseFen,
    int? RateBp,
    bool Capped,
    DateTime OccurredAtUtc,
    DateTime RecordedAtUtc,
    string RecordedBy,
    string? Description,
    long? OriginalEntryId,
    long? CounterEntryId,
    PenaltyEvidenceView Evidence,
    string Hash,
    long? AccidentId = null
);

/// <summary>
/// What proves an entry: for a missed response or a late period, the clock, the due instant the
/// periods count from, the receipt event that started the clock, the event that met it (once
/// recorded when the entry was written) and the pauses that extended the deadline; for a loss or
/// an accident, the documents, named and hashed as they were.
/// </summary>
public sealed record PenaltyEvidenceView(
    long? ClockId,
    ClockKind? ClockKind,
    DateTime? DueUtc,
    long? StartEventId,
    long? EndEventId,
    IReadOnlyList<long> PauseIds,
    IReadOnlyList<EvidenceDocument> Documents
);

/// <summary>
/// Sums over a statement's entries, in fen. Penalties are the rate-based entries (after the cap),
/// losses the assessed losses, cancelled the waivers and corrections (negative); net is all of them.
/// </summary>
public sealed record PenaltyTotals(
    int Entries,
    long PenaltiesFen,
    long LossesFen,
    long CancelledFen,
    long NetFen,
    int CappedEntries,
    IReadOnlyDictionary<PenaltyKind, long> ByKindFen
)
{
    public static PenaltyTotals Of(IReadOnlyCollection<PenaltyLine> lines) =>
        new(
            lines.Count,
            lines.Where(l => l.Kind.IsRateBased()).Sum(l => l.AmountFen),
            lines.Where(l => l.Kind == PenaltyKind.Loss).Sum(l => l.AmountFen),
            lines.Where(l => l.Kind.IsCounterEntry()).Sum(l => l.AmountFen),
            lines.Sum(l => l.AmountFen),
            lines.Count(l => l.Capped),
            Enum.GetValues<PenaltyKind>().ToDictionary(k => k, k => lines.Where(l => l.Kind == k).Sum(l => l.AmountFen))
        );
}
