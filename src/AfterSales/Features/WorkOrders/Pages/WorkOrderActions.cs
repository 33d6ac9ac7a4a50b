using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>The events staff may record next, given where the work order stands; each is one form on the page.</summary>
public static class WorkOrderActions
{
    public static string Title(string type) =>
        type switch
        {
            "respond" => "响应客户",
            "remote-diagnosis" => "远程诊断",
            "dispatch" => "派单",
            "reassign" => "改派",
            "arrive" => "到场",
            "pause" => "暂停等待客户",
            "resume" => "恢复计时",
            "restore" => "恢复运行",
            "confirm" => "客户确认",
            "close" => "关闭",
            "reopen" => "重新打开",
            "flag-major" => "标记重大",
            "expert-measures" => "专家措施",
            _ => type,
        };

    /// <summary>Only what the entity would accept now; the entity still has the last word.</summary>
    public static IReadOnlyList<string> Available(WorkOrder w)
    {
        var done = w.Status is WorkOrderStatus.Restored or WorkOrderStatus.Confirmed;
        var list = new List<string>();
        if (w.IsClosed)
            return ["reopen"];
        if (w.ClockOf(ClockKind.Response) is { IsOpen: true })
            list.Add("respond");
        if (w.Status is WorkOrderStatus.Received or WorkOrderStatus.InProgress)
            list.Add("remote-diagnosis");
        if (!done && (w.TechnicianId is null || w.ClockOf(ClockKind.OnSite) is null))
            list.Add("dispatch");
        if (w.Status == WorkOrderStatus.Dispatched)
            list.Add("arrive");
        if (w.OpenPause is not null)
            list.Add("resume");
        else if (w.ClockOf(ClockKind.Restore) is { IsOpen: true })
            list.Add("pause");
        if (!done)
            list.Add("restore");
        if (w.Status == WorkOrderStatus.Restored)
            list.Add("confirm");
        if (done)
            list.AddRange(["close", "reopen"]);
        if (w.TechnicianId is not null)
            list.Add("reassign");
        if (w.ClockOf(ClockKind.Expert) is null)
            list.Add("flag-major");
        else if (w.ClockOf(ClockKind.Expert) is { IsOpen: true })
            list.Add("expert-measures");
        return list;
    }

    /// <summary>What the form of an event asks for besides the time.</summary>
    public static bool NeedsNote(string type) => type is "respond" or "pause" or "reopen" or "expert-measures" or "reassign";

    public static bool TakesNote(string type) => NeedsNote(type) || type is "remote-diagnosis" or "restore" or "confirm" or "close";

    public static bool NeedsTechnician(string type) => type is "dispatch" or "reassign";

    /// <summary>Reassigning happens now; every other event may be logged later with its own time.</summary>
    public static bool TakesOccurredAt(string type) => type != "reassign";

    public static string NoteLabel(string type) =>
        type switch
        {
            "respond" => "回复客户的内容",
            "pause" => "暂停原因（客户可见）",
            "reopen" or "reassign" => "原因",
            "expert-measures" => "采取的措施",
            _ => "说明",
        };
}
