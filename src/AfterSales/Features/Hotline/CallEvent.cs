using AfterSales.Platform.Data;

namespace AfterSales.Features.Hotline;

/// <summary>
/// One event as the phone system sent it, kept as received. Its event id is unique in the
/// database, so a resent event (a retry, a second node, a replay) is recognised and applied
/// exactly once; the call itself holds what the events add up to.
/// </summary>
public sealed class CallEvent : IAppendOnly
{
    public long Id { get; private set; }
    public string EventId { get; private set; } = "";
    public string CallExternalId { get; private set; } = "";
    public CallEventType Type { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? CallerNumber { get; private set; }
    public string? Agent { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public string ReceivedBy { get; private set; } = "";

    CallEvent() { }

    public CallEvent(
        string eventId,
        string callExternalId,
        CallEventType type,
        DateTime atUtc,
        string? callerNumber,
        string? agent,
        DateTime receivedAtUtc,
        string receivedBy
    ) =>
        (EventId, CallExternalId, Type, AtUtc, CallerNumber, Agent, ReceivedAtUtc, ReceivedBy) = (
            eventId,
            callExternalId,
            type,
            atUtc,
            callerNumber,
            agent,
            receivedAtUtc,
            receivedBy
        );
}

public enum CallEventType
{
    Ringing,
    Answered,
    Ended,
}
