using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Board;

public enum AlertType
{
    /// <summary>75% of the clock's window is used up.</summary>
    DueSoon,

    /// <summary>The due time passed unmet.</summary>
    Breached,

    /// <summary>An inspection round's window closed without it being done (巡检已错过).</summary>
    RoundMissed,

    /// <summary>A complaint was escalated to this manager (投诉升级).</summary>
    Escalated,
}

/// <summary>
/// An in-app alert (提醒) that a clock of a work order or a complaint is due soon or breached, that
/// an inspection round was missed, or that a complaint was escalated, for one user (the assignee,
/// the manager) or for a whole desk (no recipient): the dispatch desk (every dispatcher and
/// manager) for work orders and rounds, the complaint desk (every agent and manager) for
/// complaints. Breach detection, missed-round detection and escalation write them; each recipient
/// gets each clock alert once (unique indexes per subject).
/// </summary>
public sealed class Alert
{
    /// <summary>Stands for "all dispatchers" in <see cref="RecipientKey"/>.</summary>
    public const string DispatchDesk = "*";

    /// <summary>Stands for "all complaint handlers" (agents and managers) in <see cref="RecipientKey"/>.</summary>
    public const string ComplaintDesk = "complaints";

    public long Id { get; private set; }

    /// <summary>The work order whose clock is due soon or breached; null for a round's alert.</summary>
    public long? WorkOrderId { get; private set; }

    /// <summary>The clock; null for a round's alert.</summary>
    public ClockKind? Kind { get; private set; }

    /// <summary>The missed inspection round; null for a work order's alert.</summary>
    public long? InspectionRoundId { get; private set; }

    /// <summary>The complaint whose clock is due soon or breached, or that was escalated.</summary>
    public long? ComplaintId { get; private set; }
    public AlertType Type { get; private set; }

    /// <summary>The user alerted; null for the whole desk.</summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>
    /// The recipient as the unique index sees it: the user id, or <see cref="DispatchDesk"/>. SQL
    /// unique indexes treat NULLs as distinct (SQLite and PostgreSQL alike), so a nullable column
    /// alone would let the desk's alert be written twice.
    /// </summary>
    public string RecipientKey { get; private set; } = DispatchDesk;

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    Alert() { }

    public static Alert For(long workOrderId, ClockKind kind, AlertType type, string? recipientUserId, DateTime nowUtc) =>
        new()
        {
            WorkOrderId = workOrderId,
            Kind = kind,
            Type = type,
            RecipientUserId = recipientUserId,
            RecipientKey = recipientUserId ?? DispatchDesk,
            CreatedAtUtc = nowUtc,
        };

    /// <summary>The round's window closed undone: one for the desk (null recipient) and one for its technician.</summary>
    public static Alert ForMissedRound(long roundId, string? recipientUserId, DateTime nowUtc) =>
        new()
        {
            InspectionRoundId = roundId,
            Type = AlertType.RoundMissed,
            RecipientUserId = recipientUserId,
            RecipientKey = recipientUserId ?? DispatchDesk,
            CreatedAtUtc = nowUtc,
        };

    /// <summary>
    /// A complaint's clock due soon or breached (kind set), or its escalation to a manager (no kind):
    /// for the complaint desk (null recipient) or one user.
    /// </summary>
    public static Alert ForComplaint(long complaintId, ClockKind? kind, AlertType type, string? recipientUserId, DateTime nowUtc) =>
        new()
        {
            ComplaintId = complaintId,
            Kind = kind,
            Type = type,
            RecipientUserId = recipientUserId,
            RecipientKey = recipientUserId ?? ComplaintDesk,
            CreatedAtUtc = nowUtc,
        };

    /// <summary>Read once is read: a desk alert read by one dispatcher is read for the desk.</summary>
    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    public static string Title(AlertType type) =>
        type switch
        {
            AlertType.DueSoon => "时限即将到期",
            AlertType.Breached => "时限已超",
            AlertType.RoundMissed => "巡检已错过",
            AlertType.Escalated => "投诉已升级给您",
        };
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RecipientUserId).HasMaxLength(64);
        b.Property(x => x.RecipientKey).HasMaxLength(64);
        b.HasIndex(x => new
            {
                x.WorkOrderId,
                x.Kind,
                x.Type,
                x.RecipientKey,
            })
            .IsUnique();
        // A work order's alerts have no round (NULLs are distinct), so this constrains round alerts only.
        b.HasIndex(x => new
            {
                x.InspectionRoundId,
                x.Type,
                x.RecipientKey,
            })
            .IsUnique();
        // A complaint's clock alerts, once per recipient; an escalation has no kind (NULLs are distinct), so each escalation alerts.
        b.HasIndex(x => new
            {
                x.ComplaintId,
                x.Kind,
                x.Type,
                x.RecipientKey,
            })
            .IsUnique();
        // The nav badge counts my unread alerts on every page: a seek on (recipient, unread).
        b.HasIndex(x => new
        {
            x.RecipientKey,
            x.ReadAtUtc,
            x.Id,
        });
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InspectionRound>().WithMany().HasForeignKey(x => x.InspectionRoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Complaints.Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
