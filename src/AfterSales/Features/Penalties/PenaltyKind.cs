namespace AfterSales.Features.Penalties;

/// <summary>What a ledger entry is for (DESIGN §5).</summary>
public enum PenaltyKind
{
    /// <summary>未按时响应: rate × contract total, once per work order whose response clock breached.</summary>
    MissedResponse,

    /// <summary>逾期恢复: rate × contract total per whole or started 24 hours past the restore due time.</summary>
    LateRestoration,

    /// <summary>损失赔偿: the assessed losses a fault caused, entered by a manager with evidence.</summary>
    Loss,

    /// <summary>可预防事故: rate × contract total for an accident that preventive maintenance should have prevented.</summary>
    PreventableAccident,

    /// <summary>核销: a manager's counter-entry cancelling one entry, with a reason.</summary>
    Waiver,

    /// <summary>更正冲销: the system's counter-entry for a period a backdated restoration or response shows was never owed.</summary>
    Correction,
}

public static class PenaltyKinds
{
    /// <summary>Entries priced as a rate of the contract total; only these count towards the cap.</summary>
    public static bool IsRateBased(this PenaltyKind kind) =>
        kind is PenaltyKind.MissedResponse or PenaltyKind.LateRestoration or PenaltyKind.PreventableAccident;

    /// <summary>Counter-entries that cancel another entry.</summary>
    public static bool IsCounterEntry(this PenaltyKind kind) => kind is PenaltyKind.Waiver or PenaltyKind.Correction;

    public static string Title(PenaltyKind kind) =>
        kind switch
        {
            PenaltyKind.MissedResponse => "未按时响应",
            PenaltyKind.LateRestoration => "逾期恢复",
            PenaltyKind.Loss => "损失赔偿",
            PenaltyKind.PreventableAccident => "可预防事故",
            PenaltyKind.Waiver => "核销",
            PenaltyKind.Correction => "更正冲销",
        };
}
