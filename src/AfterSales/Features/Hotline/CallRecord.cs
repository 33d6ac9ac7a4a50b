using AfterSales.Features.Hotline.Rules;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Hotline;

/// <summary>
/// 来电记录: one call to the hotline, from the phone system (CTI) or logged by hand by an agent.
/// Its rings, whether it met the three-ring promise and its day (in the hotline's zone) are
/// stored when known, so the report sums indexed columns instead of re-deriving every call.
/// Staff only: customers never see the call log.
/// </summary>
public sealed class CallRecord : IAudited
{
    public long Id { get; private set; }

    /// <summary>The phone system's call id; null for a call logged by hand.</summary>
    public string? ExternalId { get; private set; }
    public CallSource Source { get; private set; }
    public string? CallerNumber { get; private set; }
    public long? CustomerId { get; private set; }
    public string? ContactName { get; private set; }

    /// <summary>The agent (extension or user name) the call rang for or who answered it.</summary>
    public string? Agent { get; private set; }
    public DateTime? RingingAtUtc { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public int? Rings { get; private set; }

    /// <summary>Answered within three rings; false when answered later or not at all; null while undecided.</summary>
    public bool? MetPromise { get; private set; }

    /// <summary>The day the call rang, in the hotline's time zone: the report's grouping key.</summary>
    public DateOnly? Day { get; private set; }
    public string? Note { get; private set; }
    public long? WorkOrderId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency: two nodes applying events of one call at once cannot both win.</summary>
    public long Version { get; private set; }

    CallRecord() { }

    public CallOutcome Outcome =>
        AnsweredAtUtc is not null ? CallOutcome.Answered
        : EndedAtUtc is not null ? CallOutcome.Missed
        : CallOutcome.Ringing;

    public static CallRecord FromPhoneSystem(string externalId, DateTime nowUtc, string createdBy) =>
        new()
        {
            ExternalId = externalId,
            Source = CallSource.PhoneSystem,
            CreatedAtUtc = nowUtc,
            CreatedBy = createdBy,
        };

    /// <summary>An agent logs a call by hand (the phone system was down, a call to a mobile…).</summary>
    public static CallRecord LogByHand(ManualCall input, CallSettings settings, DateTime nowUtc, string createdBy)
    {
        if (input.RingingAtUtc > nowUtc)
            throw DomainException.For("RingingAt", "来电时间不能晚于当前时间");
        if (input.AnsweredAtUtc is null && input.EndedAtUtc is null)
            throw DomainException.For("AnsweredAt", "请填写接听时间，未接来电请填写挂断时间");
        var call = new CallRecord
        {
            Source = CallSource.Manual,
            CreatedAtUtc = nowUtc,
            CreatedBy = createdBy,
            Note = Blank(input.Note),
        };
        call.Identify(input.CallerNumber, input.CustomerId, input.ContactName);
        call.Ring(input.RingingAtUtc, input.Agent, settings);
        if (input.AnsweredAtUtc is { } answered)
            call.Answer(answered, input.Agent, settings);
        if (input.EndedAtUtc is { } ended)
            call.End(ended, settings);
        if (call.AnsweredAtUtc > nowUtc || call.EndedAtUtc > nowUtc)
            throw DomainException.For("EndedAt", "通话时间不能晚于当前时间");
        return call;
    }

    /// <summary>The caller's number and, when the number names one customer, that customer.</summary>
    public void Identify(string? callerNumber, long? customerId, string? contactName)
    {
        if (callerNumber is { Length: > 0 })
            CallerNumber ??= callerNumber;
        if (customerId is not null && CustomerId is null)
            (CustomerId, ContactName) = (customerId, Blank(contactName));
    }

    /// <summary>Ringing: the earliest report wins (a phone system may report a transfer as a second ring).</summary>
    public void Ring(DateTime atUtc, string? agent, CallSettings settings)
    {
        if (AnsweredAtUtc is { } answered && atUtc > answered)
            throw DomainException.For("At", "振铃时间不能晚于接听时间");
        if (EndedAtUtc is { } ended && atUtc > ended)
            throw DomainException.For("At", "振铃时间不能晚于挂断时间");
        if (RingingAtUtc is null || atUtc < RingingAtUtc)
            RingingAtUtc = atUtc;
        Agent ??= Blank(agent);
        Assess(settings);
    }

    public void Answer(DateTime atUtc, string? agent, CallSettings settings)
    {
        if (RingingAtUtc is { } ringing && atUtc < ringing)
            throw DomainException.For("At", "接听时间不能早于振铃时间");
        if (EndedAtUtc is { } ended && atUtc > ended)
            throw DomainException.For("At", "接听时间不能晚于挂断时间");
        if (AnsweredAtUtc is null || atUtc < AnsweredAtUtc)
        {
            AnsweredAtUtc = atUtc;
            // Whoever picked up owns the call, whatever extension it first rang on.
            Agent = Blank(agent) ?? Agent;
        }
        Assess(settings);
    }

    public void End(DateTime atUtc, CallSettings settings)
    {
        if (RingingAtUtc is { } ringing && atUtc < ringing)
            throw DomainException.For("At", "挂断时间不能早于振铃时间");
        if (AnsweredAtUtc is { } answered && atUtc < answered)
            throw DomainException.For("At", "挂断时间不能早于接听时间");
        if (EndedAtUtc is null || atUtc > EndedAtUtc)
            EndedAtUtc = atUtc;
        Assess(settings);
    }

    /// <summary>The work order an agent opened from this call.</summary>
    public void LinkWorkOrder(long workOrderId)
    {
        WorkOrderId ??= workOrderId;
        Version++;
    }

    void Assess(CallSettings settings)
    {
        Version++;
        var a = RingRule.Assess(RingingAtUtc, AnsweredAtUtc, EndedAtUtc, settings.RingCycle);
        (Rings, MetPromise) = (a.Rings, a.Met);
        Day = RingingAtUtc is { } r ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r, settings.Zone)) : null;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public enum CallSource
{
    PhoneSystem,
    Manual,
}

public enum CallOutcome
{
    Ringing,
    Answered,
    Missed,
}

/// <summary>What an agent types when logging a call by hand.</summary>
public sealed record ManualCall(
    string? CallerNumber,
    long? CustomerId,
    string? ContactName,
    string? Agent,
    DateTime RingingAtUtc,
    DateTime? AnsweredAtUtc,
    DateTime? EndedAtUtc,
    string? Note
);
