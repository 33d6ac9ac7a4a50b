using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// 违约金结算单: one contract's ledger for a period with everything the three forms of the
/// statement (page, Excel, PDF) print — the entries and totals, the events and pauses their
/// evidence names, and the result of re-computing the contract's hash chain. All three are
/// rendered from this one object, so they cannot disagree.
/// </summary>
/// <param name="Sequences">Position in the chain of every entry a line refers to (cancelled or cancelling), by id.</param>
/// <param name="MetLater">For clocks met after their entries were written: the meeting event, by clock id.</param>
/// <param name="Shown">The entries printed with their evidence: all of them in the files, one page of them on screen.</param>
/// <param name="CountByKind">How many of the period's entries are of each kind.</param>
/// <param name="Last">The period's last entry in chain order; null when it has none.</param>
/// <remarks>
/// For the files <see cref="Entries"/> is every entry of the period; for the page it is the page's
/// entries only (the same as <see cref="Shown"/>), and the totals, counts and last entry come from the
/// database, so a page of a long statement costs one page of entries.
/// </remarks>
public sealed record StatementReport(
    PenaltyStatement Statement,
    StatementPeriod Period,
    ChainCheck Chain,
    DateTime GeneratedAtUtc,
    IReadOnlyDictionary<long, EvidenceEvent> Events,
    IReadOnlyDictionary<long, EvidencePause> Pauses,
    IReadOnlyDictionary<long, long> Sequences,
    IReadOnlyDictionary<long, long> MetLater,
    StatementPage Shown,
    IReadOnlyDictionary<PenaltyKind, int> CountByKind,
    PenaltyHead? Last
)
{
    public ContractHeader Contract => Statement.Contract;
    public IReadOnlyList<PenaltyLine> Entries => Statement.Entries;
    public PenaltyTotals Totals => Statement.Totals;
    public string TimeZone => Contract.TimeZone;

    /// <summary>大写金额 of the net total.</summary>
    public string NetInCapitals => ChineseAmount.Of(Totals.NetFen);

    /// <summary>The kinds that occur in the period, in the order of the enum, with their count and sum.</summary>
    public IEnumerable<(PenaltyKind Kind, int Count, long AmountFen)> ByKind =>
        Enum.GetValues<PenaltyKind>()
            .Where(k => CountByKind.GetValueOrDefault(k) > 0)
            .Select(k => (k, CountByKind[k], Totals.ByKindFen.GetValueOrDefault(k)));

    public string Local(DateTime? utc) => Display.Instant(utc, TimeZone);
}

/// <summary>
/// Which entries a statement prints. The files print all of them; the page prints
/// <see cref="Size"/> at a time (the totals always cover the whole period), so a contract with
/// thousands of entries still opens at once on a phone.
/// </summary>
public sealed record StatementPage(int Number, int Count, IReadOnlyList<PenaltyLine> Entries)
{
    public const int Size = 200;

    public static StatementPage All(IReadOnlyList<PenaltyLine> lines) => new(1, 1, lines);
}

/// <summary>A work-order event an entry rests on (the receipt that started its clock, the response or restoration that met it).</summary>
public sealed record EvidenceEvent(
    long Id,
    WorkOrderEventType Type,
    DateTime OccurredAtUtc,
    DateTime RecordedAtUtc,
    string ByName,
    string? Note
);

/// <summary>A time the restore clock stood still waiting on the customer, which extended the deadline.</summary>
public sealed record EvidencePause(long Id, DateTime FromUtc, DateTime? ToUtc, string Reason);
