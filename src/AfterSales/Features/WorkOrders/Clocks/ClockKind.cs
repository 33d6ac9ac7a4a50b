namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>The deadlines of DESIGN §4: four on a work order, three on a complaint.</summary>
public enum ClockKind
{
    /// <summary>响应: request received → first human response to the customer.</summary>
    Response,

    /// <summary>到场: dispatch after remote help failed → technician checks in on site.</summary>
    OnSite,

    /// <summary>专家: flagged major → expert measures recorded.</summary>
    Expert,

    /// <summary>恢复: request received → service restored; pauses while waiting on the customer.</summary>
    Restore,

    /// <summary>投诉答复: complaint received → reply to the customer.</summary>
    ComplaintReply,

    /// <summary>投诉说明 (major): complaint received → detailed explanation and committed resolution time.</summary>
    ComplaintExplanation,

    /// <summary>投诉解决: the committed resolution time → resolved.</summary>
    ComplaintResolution,
}

public static class ClockKinds
{
    /// <summary>DESIGN §4 table, "may pause": only restoration waits on the customer.</summary>
    public static bool MayPause(this ClockKind kind) => kind == ClockKind.Restore;

    /// <summary>DESIGN §5: a missed response and a late restoration cost a penalty; the other clocks do not.</summary>
    public static bool IsPenalised(this ClockKind kind) => kind is ClockKind.Response or ClockKind.Restore;
}
