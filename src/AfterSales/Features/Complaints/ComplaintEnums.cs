namespace AfterSales.Features.Complaints;

/// <summary>How the complaint reached us (DESIGN §6: phone, email, portal, letter; and machines through the API).</summary>
public enum ComplaintChannel
{
    Phone,
    Email,
    Letter,
    Fax,
    InPerson,
    Portal,
    Api,
}

/// <summary>What the customer complains about (DESIGN §6).</summary>
public enum ComplaintCategory
{
    StaffAttitude,
    ResponseTime,
    ServiceResult,
    Dispute,
    Other,
}

/// <summary>Where a complaint stands; see README.md for the steps.</summary>
public enum ComplaintStatus
{
    /// <summary>受理: logged, nobody has spoken to the customer yet.</summary>
    Received,

    /// <summary>已致谢致歉: thanked, heard out, apologised to.</summary>
    Acknowledged,

    /// <summary>调查中.</summary>
    Investigating,

    /// <summary>已升级: handed to a manager because the decision is beyond the handler's authority.</summary>
    Escalated,

    /// <summary>已答复: the customer has our reply (and, if major, the detailed explanation).</summary>
    Replied,

    /// <summary>已解决: a remedy the customer accepted.</summary>
    Resolved,

    /// <summary>已结案: responsibility determined and summarised; a precedent from now on.</summary>
    Closed,
}

/// <summary>补救措施.</summary>
public enum RemedyKind
{
    None,
    Apology,
    ReService,
    Gift,
    Compensation,
}

/// <summary>Internal penalty of the responsible staff member (内部处罚).</summary>
public enum InternalPenalty
{
    None,
    Warning,
    Fine,
}

public enum ComplaintEventType
{
    Received,
    Acknowledged,
    Note,
    Escalated,
    Replied,
    Explained,
    RemedyProposed,
    RemedyAnswered,
    Closed,
    ClockDueSoon,
    ClockBreached,
}

public static class ComplaintTitles
{
    public static string Of(ComplaintChannel c) =>
        c switch
        {
            ComplaintChannel.Phone => "电话",
            ComplaintChannel.Email => "电子邮件",
            ComplaintChannel.Letter => "信函",
            ComplaintChannel.Fax => "传真",
            ComplaintChannel.InPerson => "来访",
            ComplaintChannel.Portal => "用户门户",
            ComplaintChannel.Api => "API",
        };

    public static string Of(ComplaintCategory c) =>
        c switch
        {
            ComplaintCategory.StaffAttitude => "服务态度",
            ComplaintCategory.ResponseTime => "响应时间",
            ComplaintCategory.ServiceResult => "服务结果",
            ComplaintCategory.Dispute => "纠纷",
            ComplaintCategory.Other => "其他",
        };

    public static string Of(ComplaintStatus s) =>
        s switch
        {
            ComplaintStatus.Received => "已受理",
            ComplaintStatus.Acknowledged => "已致谢致歉",
            ComplaintStatus.Investigating => "调查中",
            ComplaintStatus.Escalated => "已升级",
            ComplaintStatus.Replied => "已答复",
            ComplaintStatus.Resolved => "已解决",
            ComplaintStatus.Closed => "已结案",
        };

    public static string Of(RemedyKind k) =>
        k switch
        {
            RemedyKind.None => "无",
            RemedyKind.Apology => "道歉",
            RemedyKind.ReService => "重新服务",
            RemedyKind.Gift => "赠品",
            RemedyKind.Compensation => "补偿",
        };

    public static string Of(InternalPenalty p) =>
        p switch
        {
            InternalPenalty.None => "不处罚",
            InternalPenalty.Warning => "警告",
            InternalPenalty.Fine => "罚款",
        };

    public static string Of(ComplaintEventType t) =>
        t switch
        {
            ComplaintEventType.Received => "受理投诉",
            ComplaintEventType.Acknowledged => "致谢、倾听、致歉",
            ComplaintEventType.Note => "调查记录",
            ComplaintEventType.Escalated => "升级主管",
            ComplaintEventType.Replied => "答复客户",
            ComplaintEventType.Explained => "详细说明及承诺解决时间",
            ComplaintEventType.RemedyProposed => "提出补救措施",
            ComplaintEventType.RemedyAnswered => "客户答复补救措施",
            ComplaintEventType.Closed => "结案",
            ComplaintEventType.ClockDueSoon => "时限即将到期",
            ComplaintEventType.ClockBreached => "时限已超",
        };
}
