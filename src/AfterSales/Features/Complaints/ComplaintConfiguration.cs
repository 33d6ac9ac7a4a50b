using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ContactName).HasMaxLength(100);
        b.Property(x => x.ContactPhone).HasMaxLength(32);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ReplyChannel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ExplanationChannel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Remedy).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Penalty).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StaffMember).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Wish).HasMaxLength(2000);
        b.Property(x => x.BackdateReason).HasMaxLength(500);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.Property(x => x.EscalatedTo).HasMaxLength(Complaint.MaxEscalatedTo);
        b.Property(x => x.EscalatedToUserId).HasMaxLength(64);
        b.Property(x => x.EscalationReason).HasMaxLength(2000);
        b.Property(x => x.ReplyText).HasMaxLength(4000);
        b.Property(x => x.ExplanationText).HasMaxLength(4000);
        b.Property(x => x.RemedyDetail).HasMaxLength(2000);
        b.Property(x => x.FairnessJustification).HasMaxLength(2000);
        b.Property(x => x.ResponsibleStaff).HasMaxLength(100);
        b.Property(x => x.ResponsibleDepartment).HasMaxLength(100);
        b.Property(x => x.Finding).HasMaxLength(4000);
        b.Property(x => x.Improvement).HasMaxLength(4000);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CustomerId, x.ReceivedAtUtc });
        b.HasIndex(x => new { x.Status, x.Id });
        // Precedents are loaded incrementally by closing time; staff penalties are listed by person.
        b.HasIndex(x => x.ClosedAtUtc);
        b.HasIndex(x => x.ResponsibleStaff);
        // The call log links each call to the complaint opened from it: complaints are looked up by call.
        b.HasIndex(x => x.CallId);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrders.WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrders.WorkOrder>().WithMany().HasForeignKey(x => x.RemedyWorkOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Clocks).WithOne().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.PrecedentText);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ByUserId).HasMaxLength(64);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => new { x.ComplaintId, x.OccurredAtUtc });
    }
}

internal sealed class ComplaintClockConfiguration : IEntityTypeConfiguration<ComplaintClock>
{
    public void Configure(EntityTypeBuilder<ComplaintClock> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(x => new { x.ComplaintId, x.Kind }).IsUnique();
        // Breach detection reads only the open clocks that fall due (see WorkOrders/Breaches/ScanIndexes).
        b.HasIndex(x => new
            {
                x.MetAtUtc,
                x.BreachedAtUtc,
                x.DueUtc,
            })
            .HasDatabaseName("IX_ComplaintClocks_OpenDue");
        b.HasIndex(x => new
            {
                x.MetAtUtc,
                x.DueSoonAlertedAtUtc,
                x.DueSoonUtc,
            })
            .HasDatabaseName("IX_ComplaintClocks_OpenDueSoon");
        b.Ignore(x => x.Window);
        b.Ignore(x => x.IsOpen);
    }
}
