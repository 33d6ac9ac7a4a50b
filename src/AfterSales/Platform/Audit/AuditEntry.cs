using System.Text.Json;
using AfterSales.Platform.Auth;

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

    /// <summary>
    /// An entry written by hand, for records the change tracker does not audit (user accounts
    /// and their roles live in Identity's tables); same shape as the automatic ones.
    /// </summary>
    internal static AuditEntry Of(
        DateTime atUtc,
        CurrentUser by,
        string entityType,
        string entityId,
        AuditAction action,
        IEnumerable<(string Property, string? Old, string? New)> changes
    ) =>
        new(
            atUtc,
            by.UserId,
            by.DisplayName,
            entityType,
            entityId,
            null,
            null,
            action,
            JsonSerializer.Serialize(
                changes.Select(c => new
                {
                    p = c.Property,
                    o = c.Old,
                    n = c.New,
                })
            )
        );
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
