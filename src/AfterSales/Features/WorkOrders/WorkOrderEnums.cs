namespace AfterSales.Features.WorkOrders;

/// <summary>How the request reached us (DESIGN §2, promise 6).</summary>
public enum Channel
{
    Hotline,
    Email,
    Fax,
    Portal,
    Remote,
    Api,
    QrScan,

    /// <summary>巡检: a hazard found on a summer or winter inspection (preventive work order).</summary>
    Inspection,
}

/// <summary>Where a work order stands. Waiting on the customer is a pause of the restore clock, not a status.</summary>
public enum WorkOrderStatus
{
    /// <summary>受理: received, nobody has answered the customer yet.</summary>
    Received,

    /// <summary>处理中: answered; diagnosing remotely or waiting for dispatch.</summary>
    InProgress,

    /// <summary>已派单: a technician is on the way.</summary>
    Dispatched,

    /// <summary>已到场.</summary>
    OnSite,

    /// <summary>已恢复: service restored (恢复运行).</summary>
    Restored,

    /// <summary>已确认: the customer confirmed the restoration.</summary>
    Confirmed,

    Closed,
}

public enum WorkOrderEventType
{
    Received,
    Responded,
    RemoteDiagnosis,
    Dispatched,
    Reassigned,
    Arrived,
    Paused,
    Resumed,
    Restored,
    Confirmed,
    Closed,
    Reopened,
    FlaggedMajor,
    ExpertMeasures,
    CoverageDecided,
    CoverageOverridden,
    RepairAgreementAccepted,
    ClockDueSoon,
    ClockBreached,
    Note,
}

public static class WorkOrderTitles
{
    public static string Of(Channel c) =>
        c switch
        {
            Channel.Hotline => "热线电话",
            Channel.Email => "电子邮件",
            Channel.Fax => "传真",
            Channel.Portal => "用户门户",
            Channel.Remote => "远程",
            Channel.Api => "API",
            Channel.QrScan => "扫码报修",
            Channel.Inspection => "巡检发现",
        };

    public static string Of(WorkOrderStatus s) =>
        s switch
        {
            WorkOrderStatus.Received => "已受理",
            WorkOrderStatus.InProgress => "处理中",
            WorkOrderStatus.Dispatched => "已派单",
            WorkOrderStatus.OnSite => "已到场",
            WorkOrderStatus.Restored => "已恢复",
            WorkOrderStatus.Confirmed => "已确认",
            WorkOrderStatus.Closed => "已关闭",
        };

    public static string Of(WorkOrderEventType t) =>
        t switch
        {
            WorkOrderEventType.Received => "受理",
            WorkOrderEventType.Responded => "响应客户",
            WorkOrderEventType.RemoteDiagnosis => "远程诊断",
            WorkOrderEventType.Dispatched => "派单",
            WorkOrderEventType.Reassigned => "改派",
            WorkOrderEventType.Arrived => "到达现场",
            WorkOrderEventType.Paused => "暂停（等待客户）",
            WorkOrderEventType.Resumed => "恢复计时",
            WorkOrderEventType.Restored => "恢复运行",
            WorkOrderEventType.Confirmed => "客户确认",
            WorkOrderEventType.Closed => "关闭",
            WorkOrderEventType.Reopened => "重新打开",
            WorkOrderEventType.FlaggedMajor => "标记为重大问题",
            WorkOrderEventType.ExpertMeasures => "专家措施",
            WorkOrderEventType.CoverageDecided => "保修判定",
            WorkOrderEventType.CoverageOverridden => "主管改判",
            WorkOrderEventType.RepairAgreementAccepted => "维修协议已确认",
            WorkOrderEventType.ClockDueSoon => "时限即将到期",
            WorkOrderEventType.ClockBreached => "时限已超",
            WorkOrderEventType.Note => "备注",
        };

    public static string Of(Clocks.ClockKind k) =>
        k switch
        {
            Clocks.ClockKind.Response => "响应",
            Clocks.ClockKind.OnSite => "到场",
            Clocks.ClockKind.Expert => "专家",
            Clocks.ClockKind.Restore => "恢复",
            Clocks.ClockKind.ComplaintReply => "投诉答复",
            Clocks.ClockKind.ComplaintExplanation => "投诉详细说明",
            Clocks.ClockKind.ComplaintResolution => "投诉解决",
        };

    public static string Of(Clocks.ClockState s) =>
        s switch
        {
            Clocks.ClockState.Running => "计时中",
            Clocks.ClockState.DueSoon => "即将到期",
            Clocks.ClockState.Paused => "已暂停",
            Clocks.ClockState.Met => "已达成",
            Clocks.ClockState.Breached => "已超时",
        };

    public static string Of(FaultCause c) =>
        c switch
        {
            FaultCause.Unknown => "待诊断",
            FaultCause.Defect => "制造或安装缺陷",
            FaultCause.Misuse => "使用不当",
            FaultCause.Consultation => "咨询",
        };

    public static string Of(Charge c) =>
        c switch
        {
            Charge.Free => "免费",
            Charge.Chargeable => "收费",
            Charge.Undetermined => "待判定",
        };
}
