namespace AfterSales.Features.Accidents.Rules;

/// <summary>One round that covered an asset under a contract: when its window closed and how it ended.</summary>
/// <param name="CompletedAtUtc">The technician's check-out, when the round was completed.</param>
public sealed record RoundFact(long RoundId, long AssetId, long ContractId, DateTime DueAtUtc, bool Completed, DateTime? CompletedAtUtc)
{
    /// <summary>Not done by the instant its window closed (the same test as the inspections' own facts).</summary>
    public bool WasMissed => !Completed || CompletedAtUtc is null || CompletedAtUtc > DueAtUtc;
}

/// <summary>
/// A hazard or needs-attention finding on an asset (ok findings are never facts here).
/// <paramref name="ActedOnAtUtc"/> is when it stopped being open: fixed, declined by the customer, or
/// its preventive work order restored — whichever came first; null while it is still open.
/// </summary>
public sealed record FindingFact(
    long FindingId,
    long RoundId,
    long AssetId,
    long ContractId,
    bool Hazard,
    DateTime RecordedAtUtc,
    DateTime? ActedOnAtUtc
)
{
    public bool WasOpenAt(DateTime atUtc) => RecordedAtUtc <= atUtc && (ActedOnAtUtc is null || ActedOnAtUtc > atUtc);
}

/// <summary>The accident to decide: which asset, under which contract, when, and whether the contract covered it then.</summary>
/// <param name="Covered">In warranty or free maintenance on the accident's day (the customer's calendar).</param>
public sealed record AccidentCase(long AssetId, long ContractId, DateTime OccurredAtUtc, bool Covered);

/// <summary>Why an accident was, or was not, preventable under the contract.</summary>
public enum AccidentReason
{
    /// <summary>The asset's last due round was missed.</summary>
    MissedRound,

    /// <summary>A hazard or needs-attention finding on the asset was still open at the accident.</summary>
    OpenFinding,

    /// <summary>Neither warranty nor free maintenance covered the asset on the accident's day.</summary>
    NotCovered,

    /// <summary>No round covering the asset had closed its window before the accident.</summary>
    NoRoundDue,

    /// <summary>The last due round was completed in its window and no finding was open.</summary>
    RoundCompleted,
}

/// <summary>
/// The decision and its evidence: the last due round (whatever became of it) and the findings open
/// at the accident. <see cref="Round"/> is the missed round when <see cref="Reason"/> is
/// <see cref="AccidentReason.MissedRound"/>; <see cref="Finding"/> the open finding that decided it
/// otherwise (hazards before attentions, the oldest first).
/// </summary>
public sealed record AccidentDecision(bool Preventable, AccidentReason Reason, RoundFact? Round, IReadOnlyList<FindingFact> OpenFindings)
{
    public FindingFact? Finding => OpenFindings.Count > 0 ? OpenFindings[0] : null;
}

/// <summary>
/// DESIGN §2 promise 12, §5: an accident is preventable under the contract when the asset's last
/// round due before it (a round of the asset's site that covered this asset under this contract
/// and whose window closed at or before the accident) was missed, or when a hazard or
/// needs-attention finding on the asset under this contract was recorded before the accident and
/// not acted on by then. Preventive maintenance is owed only while the contract covers the asset,
/// so an accident outside warranty and free maintenance is never preventable under it.
/// </summary>
public static class AccidentRules
{
    public static AccidentDecision Decide(AccidentCase accident, IEnumerable<RoundFact> rounds, IEnumerable<FindingFact> findings)
    {
        var at = accident.OccurredAtUtc;
        var last = rounds
            .Where(r => r.AssetId == accident.AssetId && r.ContractId == accident.ContractId && r.DueAtUtc <= at)
            .OrderByDescending(r => r.DueAtUtc)
            .ThenByDescending(r => r.RoundId)
            .FirstOrDefault();
        List<FindingFact> open =
        [
            .. findings
                .Where(f => f.AssetId == accident.AssetId && f.ContractId == accident.ContractId && f.WasOpenAt(at))
                .OrderByDescending(f => f.Hazard)
                .ThenBy(f => f.RecordedAtUtc)
                .ThenBy(f => f.FindingId),
        ];
        if (!accident.Covered)
            return new(false, AccidentReason.NotCovered, last, open);
        if (last is { WasMissed: true })
            return new(true, AccidentReason.MissedRound, last, open);
        if (open.Count > 0)
            return new(true, AccidentReason.OpenFinding, last, open);
        return new(false, last is null ? AccidentReason.NoRoundDue : AccidentReason.RoundCompleted, last, open);
    }

    public static string Title(AccidentReason reason) =>
        reason switch
        {
            AccidentReason.MissedRound => "事故前最近一次到期的巡检已错过",
            AccidentReason.OpenFinding => "事故发生时该设备仍有未处理的隐患或需关注问题",
            AccidentReason.NotCovered => "事故发生时该设备不在质保期或免费维护期内",
            AccidentReason.NoRoundDue => "事故发生前该设备尚无到期的巡检",
            AccidentReason.RoundCompleted => "最近一次到期的巡检已按时完成，且无未处理的问题",
        };
}
