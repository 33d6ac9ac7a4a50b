using System.Text.Json;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AfterSales.Platform.Audit;

/// <summary>Turns the change tracker's view of a save into audit rows.</summary>
internal static class AuditLog
{
    internal sealed record Pending(EntityEntry Entry, AuditAction Action, List<Change> Changes);

    internal sealed record Change(string P, string? O, string? N);

    // Chinese stays readable in the stored JSON; it is HTML-encoded wherever it is shown.
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void RefuseRewrites(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new DomainException("审计记录只能追加，不能修改或删除");
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAudited)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            // A change to an owned value object alone (a contract's service terms) updates its owner.
            if (
                action is null
                && entry.State == EntityState.Unchanged
                && entry.References.Any(r => r.TargetEntry is { State: EntityState.Modified } t && t.Metadata.IsOwned())
            )
                action = AuditAction.Updated;
            if (action is null)
                continue;
            // Values of new rows are read after the insert, when keys and foreign keys are real.
            var changes = action == AuditAction.Created ? [] : ChangesOf(entry, action.Value);
            if (action == AuditAction.Updated && changes.Count == 0)
                continue;
            pending.Add(new Pending(entry, action.Value, changes));
        }
        return pending;
    }

    static List<Change> ChangesOf(EntityEntry entry, AuditAction action)
    {
        var changes = new List<Change>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey() || p.Metadata.IsShadowProperty() && p.Metadata.IsForeignKey())
                continue;
            var (o, n) = action switch
            {
                AuditAction.Created => ((object?)null, p.CurrentValue),
                AuditAction.Deleted => (p.OriginalValue, null),
                _ => (p.OriginalValue, p.CurrentValue),
            };
            if (action == AuditAction.Updated && (!p.IsModified || Equals(o, n)))
                continue;
            if (action != AuditAction.Updated && (o ?? n) is null)
                continue;
            changes.Add(new Change(p.Metadata.Name, Format(o), Format(n)));
        }
        // Owned value objects (a contract's service terms) are audited as part of their owner.
        foreach (var owned in entry.References.Where(r => r.TargetEntry?.Metadata.IsOwned() == true))
        {
            var t = owned.TargetEntry!;
            foreach (var p in t.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey()))
            {
                var o = action == AuditAction.Created || t.State == EntityState.Added ? null : p.OriginalValue;
                var n = t.State == EntityState.Deleted ? null : p.CurrentValue;
                if (action != AuditAction.Created && t.State == EntityState.Unchanged || Equals(o, n))
                    continue;
                changes.Add(new Change($"{owned.Metadata.Name}.{p.Metadata.Name}", Format(o), Format(n)));
            }
        }
        return changes;
    }

    public static IEnumerable<AuditEntry> Complete(List<Pending> pending, CurrentUser user, DateTime nowUtc)
    {
        foreach (var (entry, action, changes) in pending)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue);
            var parent = entry.Entity as IAuditedChild;
            yield return new AuditEntry(
                nowUtc,
                user.UserId,
                user.DisplayName,
                entry.Metadata.ClrType.Name,
                string.Join(",", key),
                parent?.AuditParentType,
                parent?.AuditParentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                action,
                JsonSerializer.Serialize(action == AuditAction.Created ? ChangesOf(entry, action) : changes, Json)
            );
        }
    }

    static string? Format(object? value) =>
        value switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
