using AfterSales.Features.WorkOrders;

namespace AfterSales.Features.Complaints;

/// <summary>
/// One step of a complaint's timeline. <see cref="OccurredAtUtc"/> is when it happened (a reply
/// by phone may be logged later); <see cref="RecordedAtUtc"/> is server time, never edited.
/// </summary>
public sealed class ComplaintEvent
{
    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public ComplaintEventType Type { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public string? Note { get; private set; }

    ComplaintEvent() { }

    internal ComplaintEvent(ComplaintEventType type, DateTime occurredAtUtc, DateTime recordedAtUtc, Actor by, string? note)
    {
        (Type, OccurredAtUtc, RecordedAtUtc, ByUserId, ByName) = (type, occurredAtUtc, recordedAtUtc, by.UserId, by.Name);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
