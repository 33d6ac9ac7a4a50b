using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.TechnicianId).HasMaxLength(64);
        b.Property(x => x.TechnicianName).HasMaxLength(256);
        b.Property(x => x.CheckInLocation).HasMaxLength(200);
        b.Property(x => x.WorkDone).HasMaxLength(Visit.MaxText);
        b.Property(x => x.FaultCause).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.FaultAnalysis).HasMaxLength(Visit.MaxText);
        b.Property(x => x.RepairSteps).HasMaxLength(Visit.MaxText);
        b.Property(x => x.SignerName).HasMaxLength(100);
        b.Property(x => x.RatingComment).HasMaxLength(Visit.MaxComment);
        b.HasOne<WorkOrders.WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.WorkOrderId);
        // "My open visit" is looked up on every screen of the technician.
        b.HasIndex(x => new { x.TechnicianId, x.CheckOutAtUtc });
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.ChargeableTotalFen);
    }
}

internal sealed class VisitItemConfiguration : IEntityTypeConfiguration<VisitItem>
{
    public void Configure(EntityTypeBuilder<VisitItem> b)
    {
        b.Property(x => x.Part).HasMaxLength(VisitItem.MaxPart);
        b.HasOne<Catalog.ProductType>().WithMany().HasForeignKey(x => x.ProductTypeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AmountFen);
    }
}
