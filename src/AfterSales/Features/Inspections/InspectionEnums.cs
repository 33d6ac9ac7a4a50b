namespace AfterSales.Features.Inspections;

/// <summary>夏季/冬季回访 (DESIGN §2, promise 4).</summary>
public enum Season
{
    /// <summary>夏季: by default 1 June – 31 August.</summary>
    Summer,

    /// <summary>冬季: by default 1 December – end of February, crossing the year.</summary>
    Winter,
}

public enum RoundStatus
{
    /// <summary>已计划: planned by the background service, no date or technician yet.</summary>
    Planned,

    /// <summary>已排期: a dispatcher set the day and the technician.</summary>
    Scheduled,

    /// <summary>进行中: the technician checked in at the site.</summary>
    InProgress,

    /// <summary>已完成: checked out with the customer's signature, within the window.</summary>
    Completed,

    /// <summary>已错过: the window ended without the round being done.</summary>
    Missed,
}

/// <summary>What the technician found on one checklist item of one asset.</summary>
public enum FindingResult
{
    /// <summary>无异常.</summary>
    Ok,

    /// <summary>需关注: stays open as a proposal (建议) until acted on or declined.</summary>
    NeedsAttention,

    /// <summary>隐患: opens a preventive work order when the round is completed.</summary>
    Hazard,
}

/// <summary>What became of a finding that was not ok.</summary>
public enum FindingOutcome
{
    /// <summary>待处理: nothing done yet.</summary>
    Open,

    /// <summary>已转工单: a preventive work order is open for it, not restored yet.</summary>
    InWorkOrder,

    /// <summary>已处理: fixed (by its work order, or otherwise as recorded).</summary>
    Fixed,

    /// <summary>客户拒绝: the customer declined the proposal (recorded with who and why).</summary>
    Declined,
}

public static class InspectionTitles
{
    public static string Season(Season s) =>
        s switch
        {
            Inspections.Season.Summer => "夏季",
            Inspections.Season.Winter => "冬季",
        };

    public static string Status(RoundStatus s) =>
        s switch
        {
            RoundStatus.Planned => "已计划",
            RoundStatus.Scheduled => "已排期",
            RoundStatus.InProgress => "进行中",
            RoundStatus.Completed => "已完成",
            RoundStatus.Missed => "已错过",
        };

    public static string Result(FindingResult r) =>
        r switch
        {
            FindingResult.Ok => "无异常",
            FindingResult.NeedsAttention => "需关注",
            FindingResult.Hazard => "隐患",
        };

    public static string Outcome(FindingOutcome o) =>
        o switch
        {
            FindingOutcome.Open => "待处理",
            FindingOutcome.InWorkOrder => "已转工单",
            FindingOutcome.Fixed => "已处理",
            FindingOutcome.Declined => "客户拒绝",
        };
}
