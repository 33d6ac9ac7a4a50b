using AfterSales.Features.WorkOrders.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Complaints;

/// <summary>
/// An in-app alert that a complaint clock is due soon or breached, for the complaint desk (agents
/// and managers see them on the complaint list). Breach detection writes each once (unique index).
/// </summary>
public sealed class ComplaintAlert
{
    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public ClockKind Kind { get; private set; }
    public bool Breached { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    ComplaintAlert() { }

    internal ComplaintAlert(long complaintId, ClockKind kind, bool breached, DateTime nowUtc) =>
        (ComplaintId, Kind, Breached, CreatedAtUtc) = (complaintId, kind, breached, nowUtc);
}

internal sealed class ComplaintAlertConfiguration : IEntityTypeConfiguration<ComplaintAlert>
{
    public void Configure(EntityTypeBuilder<ComplaintAlert> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(x => new
            {
                x.ComplaintId,
                x.Kind,
                x.Breached,
            })
            .IsUnique();
        b.HasIndex(x => x.CreatedAtUtc);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
