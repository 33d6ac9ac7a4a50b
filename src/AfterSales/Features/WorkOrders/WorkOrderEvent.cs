namespace AfterSales.Features.WorkOrders;

/// <summary>
/// One thing that happened to a work order. <see cref="OccurredAtUtc"/> is when it happened (a
/// technician offline may log it later); <see cref="RecordedAtUtc"/> is server time, never edited.
/// </summary>
public sealed class WorkOrderEvent
{
    public long Id { get; private set; }
    public long WorkOrderId { get; private set; }
    public WorkOrderEventType Type { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public string? Note { get; private set; }

    WorkOrderEvent() { }

    internal WorkOrderEvent(WorkOrderEventType type, DateTime occurredAtUtc, DateTime recordedAtUtc, Actor by, string? note)
    {
        (Type, OccurredAtUtc, RecordedAtUtc, ByUserId, ByName) = (type, occurredAtUtc, recordedAtUtc, by.UserId, by.Name);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>Who did it: a person (user id and name), an API client, or the system.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}
