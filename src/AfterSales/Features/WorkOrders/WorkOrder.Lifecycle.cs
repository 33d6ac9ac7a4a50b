using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>The first human response to the customer meets the response clock; auto-replies never call this.</summary>
    public void Respond(DateTime occurredAtUtc, string note, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (string.IsNullOrWhiteSpace(note))
            throw DomainException.For("Note", "请记录回复客户的内容");
        ClockOf(ClockKind.Response)!.Meet(occurredAtUtc, nowUtc);
        if (Status == WorkOrderStatus.Received)
            Status = WorkOrderStatus.InProgress;
        Append(WorkOrderEventType.Responded, occurredAtUtc, nowUtc, by, note);
        Touch();
    }

    /// <summary>Phone or remote diagnosis; when it solves the problem the service is restored.</summary>
    public void RecordRemoteDiagnosis(DateTime occurredAtUtc, bool solved, string note, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        Append(WorkOrderEventType.RemoteDiagnosis, occurredAtUtc, nowUtc, by, note);
        if (Status == WorkOrderStatus.Received)
            Status = WorkOrderStatus.InProgress;
        if (solved)
            Restore(occurredAtUtc, note, by, nowUtc);
        Touch();
    }

    /// <summary>
    /// Remote help failed: a technician is sent at once. The on-site clock runs from receipt
    /// (DESIGN §2, promise 9: on site within N hours of the request), armed now.
    /// </summary>
    public void Dispatch(
        string technicianId,
        string technicianName,
        DateTime occurredAtUtc,
        ServiceTerms terms,
        IServiceCalendar calendar,
        Actor by,
        DateTime nowUtc
    )
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status is WorkOrderStatus.Restored or WorkOrderStatus.Confirmed)
            throw new DomainException("服务已恢复，无需派单");
        if (TechnicianId is not null && ClockOf(ClockKind.OnSite) is not null)
            throw new DomainException("已派单，如需更换工程师请改派");
        (TechnicianId, TechnicianName, Status) = (technicianId, technicianName, WorkOrderStatus.Dispatched);
        if (ClockOf(ClockKind.OnSite) is null)
            StartClock(ClockKind.OnSite, ReceivedAtUtc, TimeSpan.FromHours(terms.OnSiteHours), calendar);
        Append(WorkOrderEventType.Dispatched, occurredAtUtc, nowUtc, by, technicianName);
        Touch();
    }

    public void Reassign(string technicianId, string technicianName, string reason, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.For("Reason", "请说明改派原因");
        if (TechnicianId is null)
            throw new DomainException("尚未派单，不能改派");
        if (technicianId == TechnicianId)
            throw DomainException.For("TechnicianId", "已是该工程师");
        var from = TechnicianName;
        (TechnicianId, TechnicianName) = (technicianId, technicianName);
        Append(WorkOrderEventType.Reassigned, nowUtc, nowUtc, by, $"{from} → {technicianName}：{reason.Trim()}");
        Touch();
    }

    /// <summary>Check-in at the site meets the on-site clock. Chargeable work starts only under an accepted repair agreement.</summary>
    public void Arrive(DateTime occurredAtUtc, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        // Like a visit's check-in: once restored, an arrival would move the status back to on site.
        if (Status is WorkOrderStatus.Restored or WorkOrderStatus.Confirmed)
            throw new DomainException("服务已恢复，无需到场签到");
        var dispatched = Events.LastOrDefault(e => e.Type == WorkOrderEventType.Dispatched);
        if (dispatched is null || TechnicianId is null)
            throw new DomainException("尚未派单，不能到场签到");
        if (occurredAtUtc < dispatched.OccurredAtUtc)
            throw DomainException.For("OccurredAt", "到场时间不能早于派单时间");
        RequireAgreementForChargeableWork();
        ClockOf(ClockKind.OnSite)?.Meet(occurredAtUtc, nowUtc);
        Status = WorkOrderStatus.OnSite;
        Append(WorkOrderEventType.Arrived, occurredAtUtc, nowUtc, by);
        Touch();
    }

    /// <summary>A major problem calls in the experts: measures within the expert hours (DESIGN §2, promise 10).</summary>
    public void FlagMajor(DateTime occurredAtUtc, ServiceTerms terms, IServiceCalendar calendar, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (ClockOf(ClockKind.Expert) is not null)
            throw new DomainException("已标记为重大问题");
        IsMajor = true;
        StartClock(ClockKind.Expert, occurredAtUtc, TimeSpan.FromHours(terms.ExpertHours), calendar);
        Append(WorkOrderEventType.FlaggedMajor, occurredAtUtc, nowUtc, by);
        Touch();
    }

    public void RecordExpertMeasures(DateTime occurredAtUtc, string measures, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        var clock = ClockOf(ClockKind.Expert) ?? throw new DomainException("不是重大问题，无需专家措施");
        if (string.IsNullOrWhiteSpace(measures))
            throw DomainException.For("Note", "请填写专家采取的措施");
        if (occurredAtUtc < clock.StartedUtc)
            throw DomainException.For("OccurredAt", "专家措施不能早于标记重大问题的时间");
        clock.Meet(occurredAtUtc, nowUtc);
        Append(WorkOrderEventType.ExpertMeasures, occurredAtUtc, nowUtc, by, measures);
        Touch();
    }

    /// <summary>Waiting on the customer stops the restore clock; the reason is shown to the customer.</summary>
    public void Pause(DateTime occurredAtUtc, string reason, IServiceCalendar calendar, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.For("Note", "请填写暂停原因（客户可见）");
        if (OpenPause is not null)
            throw new DomainException("恢复时限已在暂停中");
        var restore = ClockOf(ClockKind.Restore)!;
        if (!restore.IsOpen)
            throw new DomainException("服务已恢复，不能暂停");
        if (Pauses.Any(p => p.ToUtc > occurredAtUtc))
            throw DomainException.For("OccurredAt", "暂停时间不能早于上一次恢复计时");
        Pauses.Add(new WorkOrderPause(occurredAtUtc, reason));
        restore.Recompute(calendar, RestorePauses);
        Append(WorkOrderEventType.Paused, occurredAtUtc, nowUtc, by, reason);
        Touch();
    }

    public void Resume(DateTime occurredAtUtc, IServiceCalendar calendar, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        var pause = OpenPause ?? throw new DomainException("恢复时限没有暂停");
        if (occurredAtUtc < pause.FromUtc)
            throw DomainException.For("OccurredAt", "恢复计时不能早于暂停时间");
        pause.End(occurredAtUtc);
        ClockOf(ClockKind.Restore)!.Recompute(calendar, RestorePauses);
        Append(WorkOrderEventType.Resumed, occurredAtUtc, nowUtc, by);
        Touch();
    }

    /// <summary>Service restored (恢复运行) meets the restore clock; an open pause ends here.</summary>
    public void Restore(DateTime occurredAtUtc, string? note, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status is WorkOrderStatus.Restored or WorkOrderStatus.Confirmed)
            throw new DomainException("服务已恢复");
        var arrived = Events.LastOrDefault(e => e.Type == WorkOrderEventType.Arrived);
        if (arrived is not null && occurredAtUtc < arrived.OccurredAtUtc && Status == WorkOrderStatus.OnSite)
            throw DomainException.For("OccurredAt", "恢复时间不能早于到场时间");
        RequireAgreementForChargeableWork();
        if (OpenPause is { } open)
        {
            if (occurredAtUtc < open.FromUtc)
                throw DomainException.For("OccurredAt", "恢复时间不能早于暂停时间");
            open.End(occurredAtUtc);
        }
        ClockOf(ClockKind.Restore)!.Meet(occurredAtUtc, nowUtc);
        Status = WorkOrderStatus.Restored;
        Append(WorkOrderEventType.Restored, occurredAtUtc, nowUtc, by, note);
        Touch();
    }

    public void Confirm(DateTime occurredAtUtc, string? note, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status != WorkOrderStatus.Restored)
            throw new DomainException("服务尚未恢复，客户不能确认");
        var restored = Events.Last(e => e.Type == WorkOrderEventType.Restored);
        if (occurredAtUtc < restored.OccurredAtUtc)
            throw DomainException.For("OccurredAt", "确认时间不能早于恢复时间");
        Status = WorkOrderStatus.Confirmed;
        Append(WorkOrderEventType.Confirmed, occurredAtUtc, nowUtc, by, note);
        Touch();
    }

    public void Close(DateTime occurredAtUtc, string? note, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status is not (WorkOrderStatus.Restored or WorkOrderStatus.Confirmed))
            throw new DomainException("服务恢复后才能关闭工单");
        Status = WorkOrderStatus.Closed;
        Append(WorkOrderEventType.Closed, occurredAtUtc, nowUtc, by, note);
        Touch();
    }

    /// <summary>Reopening keeps the original clocks and their breaches (issue: 重新打开不重置时限).</summary>
    public void Reopen(DateTime occurredAtUtc, string reason, Actor by, DateTime nowUtc)
    {
        CheckOccurred(occurredAtUtc, nowUtc);
        if (Status is not (WorkOrderStatus.Closed or WorkOrderStatus.Restored or WorkOrderStatus.Confirmed))
            throw new DomainException("工单仍在处理中，无需重新打开");
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.For("Note", "请说明重新打开的原因");
        Status = WorkOrderStatus.InProgress;
        Append(WorkOrderEventType.Reopened, occurredAtUtc, nowUtc, by, reason);
        Touch();
    }

    /// <summary>A manager overrides the coverage decision with a written reason.</summary>
    public void OverrideCoverage(Charge charge, string reason, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.For("Reason", "改判必须填写理由");
        if (charge == Charge.Undetermined)
            throw DomainException.For("Charge", "请改判为免费或收费");
        Charge = charge;
        CoverageOverrideReason = reason.Trim();
        Append(WorkOrderEventType.CoverageOverridden, nowUtc, nowUtc, by, $"{WorkOrderTitles.Of(charge)}：{reason.Trim()}");
        Touch();
    }

    /// <summary>The customer accepted the repair agreement: chargeable work may start and its date becomes the restore deadline.</summary>
    public void AcceptRepairAgreement(DateTime agreedCompletionUtc, IServiceCalendar calendar, Actor by, DateTime nowUtc)
    {
        RefuseWhenClosed();
        if (agreedCompletionUtc <= ReceivedAtUtc)
            throw DomainException.For("AgreedCompletion", "约定完成时间必须晚于受理时间");
        RepairAgreementAccepted = true;
        ClockOf(ClockKind.Restore)!.AgreeDue(agreedCompletionUtc, calendar, RestorePauses);
        Append(
            WorkOrderEventType.RepairAgreementAccepted,
            nowUtc,
            nowUtc,
            by,
            Platform.Formatting.Display.Instant(agreedCompletionUtc, TimeZone)
        );
        Touch();
    }

    void RequireAgreementForChargeableWork()
    {
        if (Charge == Charge.Chargeable && !RepairAgreementAccepted)
            throw new DomainException("收费维修须先与客户签订维修协议");
    }

    /// <summary>Stale writers lose: the caller's version must be the current one.</summary>
    public void CheckVersion(long expected)
    {
        if (expected != Version)
            throw new DomainException("工单已被他人更新（版本 {0}，您提交的是 {1}），请刷新后重试", Version, expected);
    }
}
