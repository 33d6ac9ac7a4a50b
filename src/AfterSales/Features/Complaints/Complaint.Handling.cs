using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Complaints;

public sealed partial class Complaint
{
    /// <summary>
    /// 接待: the handler thanked the customer, heard them out and apologised (DESIGN §2 promise 15).
    /// At least one must be ticked; what was not done stays visible on the case.
    /// </summary>
    public void Acknowledge(bool thanked, bool heardOut, bool apologised, string? note, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (!thanked && !heardOut && !apologised)
            throw DomainException.For("Thanked", "请勾选已向客户致谢、倾听或致歉");
        (Thanked, HeardOut, Apologised) = (Thanked || thanked, HeardOut || heardOut, Apologised || apologised);
        if (Status == ComplaintStatus.Received)
            Status = ComplaintStatus.Acknowledged;
        Append(ComplaintEventType.Acknowledged, occurredAtUtc, nowUtc, by, note);
    }

    /// <summary>A note of the investigation (调查记录); internal, never shown to the customer.</summary>
    public void Investigate(string? note, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        var text = Required(note, "Note", "请填写调查记录");
        if (Status is ComplaintStatus.Received or ComplaintStatus.Acknowledged)
            Status = ComplaintStatus.Investigating;
        Append(ComplaintEventType.Note, occurredAtUtc, nowUtc, by, text);
    }

    public const int MaxEscalatedTo = 100;

    /// <summary>升级: the remedy or decision is beyond the handler's authority; a manager takes it (who, why, when).</summary>
    public void Escalate(EscalationTarget? manager, string? reason, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (manager is null)
            throw DomainException.For("EscalatedTo", "请选择升级给哪位主管");
        EscalationReason = Required(reason, "EscalationReason", "请说明升级原因");
        // A user name may be longer than the case keeps (a manager without a display name).
        var name = manager.Name.Length > MaxEscalatedTo ? manager.Name[..MaxEscalatedTo] : manager.Name;
        (EscalatedToUserId, EscalatedTo, EscalatedAtUtc) = (manager.UserId, name, occurredAtUtc);
        if (Status is not (ComplaintStatus.Replied or ComplaintStatus.Resolved))
            Status = ComplaintStatus.Escalated;
        Append(ComplaintEventType.Escalated, occurredAtUtc, nowUtc, by, $"{EscalatedTo}：{EscalationReason}");
    }

    /// <summary>答复: our reply reached the customer (text, channel, time); it meets the reply clock.</summary>
    public void Reply(string? text, ComplaintChannel channel, DateTime occurredAtUtc, DateTime nowUtc, Actor by)
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        ReplyText = Required(text, "ReplyText", "请填写答复内容");
        (ReplyChannel, RepliedAtUtc) = (channel, RepliedAtUtc ?? occurredAtUtc);
        ClockOf(ClockKind.ComplaintReply)?.Meet(occurredAtUtc);
        if (Status is not ComplaintStatus.Resolved)
            Status = ComplaintStatus.Replied;
        Append(ComplaintEventType.Replied, occurredAtUtc, nowUtc, by, ReplyText);
    }

    /// <summary>
    /// The detailed explanation a major complaint is owed within 24 hours, with the resolution time
    /// we commit to. It answers the customer, so it meets the reply clock as well; the committed
    /// time (not in the past) becomes the resolution clock. Like the reply, it records the channel
    /// it reached the customer through.
    /// </summary>
    public void Explain(
        string? text,
        ComplaintChannel channel,
        DateTime? committedResolutionUtc,
        DateTime occurredAtUtc,
        DateTime nowUtc,
        Actor by,
        IServiceCalendar calendar
    )
    {
        RefuseWhenClosed();
        CheckOccurred(occurredAtUtc, nowUtc);
        if (ExplainedAtUtc is not null)
            throw new DomainException("已作出详细说明，承诺的解决时间不能更改");
        var explanation = Required(text, "ExplanationText", "请填写详细说明");
        if (committedResolutionUtc is not { } committed)
            throw DomainException.For("CommittedResolution", "请填写承诺解决时间");
        if (ComplaintClockRules.CommittedTimeProblem(committed, nowUtc) is { } problem)
            throw DomainException.For("CommittedResolution", problem);
        (ExplanationText, ExplanationChannel, ExplainedAtUtc, CommittedResolutionUtc) = (explanation, channel, occurredAtUtc, committed);
        ClockOf(ClockKind.ComplaintExplanation)?.Meet(occurredAtUtc);
        ClockOf(ClockKind.ComplaintReply)?.Meet(occurredAtUtc);
        RepliedAtUtc ??= occurredAtUtc;
        Clocks.Add(new ComplaintClock(ComplaintClockRules.Resolution(occurredAtUtc, committed), calendar));
        if (Status is not ComplaintStatus.Resolved)
            Status = ComplaintStatus.Replied;
        Append(ComplaintEventType.Explained, occurredAtUtc, nowUtc, by, explanation);
    }
}
