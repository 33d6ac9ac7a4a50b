namespace AfterSales.Platform.Audit;

/// <summary>One change to one record: who, when, what, old and new values. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? ParentType { get; private set; }
    public string? ParentId { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>JSON array of {"p": property, "o": old, "n": new}.</summary>
    public string Changes { get; private set; } = "[]";

    internal AuditEntry(
        DateTime atUtc,
        string? userId,
        string userName,
        string entityType,
        string entityId,
        string? parentType,
        string? parentId,
        AuditAction action,
        string changes
    )
    {
        (AtUtc, UserId, UserName, EntityType, EntityId) = (atUtc, userId, userName, entityType, entityId);
        (ParentType, ParentId, Action, Changes) = (parentType, parentId, action, changes);
    }

    AuditEntry() { }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>A record whose changes are written to the audit trail.</summary>
public interface IAudited { }

/// <summary>An audited record that is shown on its parent's page (a contact on its customer).</summary>
public interface IAuditedChild : IAudited
{
    string AuditParentType { get; }
    long AuditParentId { get; }
}
