using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Cause).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Charge).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Calendar).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BackdateReason).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.ContactName).HasMaxLength(100);
        b.Property(x => x.ContactPhone).HasMaxLength(32);
        b.Property(x => x.CoverageReason).HasMaxLength(500);
        b.Property(x => x.CoverageOverrideReason).HasMaxLength(1000);
        b.Property(x => x.TechnicianId).HasMaxLength(64);
        b.Property(x => x.TechnicianName).HasMaxLength(256);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CustomerId, x.ReceivedAtUtc });
        b.HasIndex(x => new { x.Status, x.Id });
        b.HasIndex(x => x.TechnicianId);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contracts.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Assets).WithOne().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Clocks).WithOne().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Pauses).WithOne().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.RestorePauses);
        b.Ignore(x => x.OpenPause);
        b.Ignore(x => x.CoverageReasonText);
    }
}

internal sealed class WorkOrderAssetConfiguration : IEntityTypeConfiguration<WorkOrderAsset>
{
    public void Configure(EntityTypeBuilder<WorkOrderAsset> b)
    {
        b.HasKey(x => new { x.WorkOrderId, x.AssetId });
        b.HasOne<Assets.Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AssetId);
    }
}

internal sealed class WorkOrderEventConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    public void Configure(EntityTypeBuilder<WorkOrderEvent> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ByUserId).HasMaxLength(64);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => new { x.WorkOrderId, x.OccurredAtUtc });
    }
}

internal sealed class WorkOrderClockConfiguration : IEntityTypeConfiguration<WorkOrderClock>
{
    public void Configure(EntityTypeBuilder<WorkOrderClock> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(x => new { x.WorkOrderId, x.Kind }).IsUnique();
        // No index on the due instants alone: breach detection seeks its open-clock indexes
        // (Breaches/ScanIndexes), and every clock an intake writes would go into two more B-trees for nothing.
        b.Ignore(x => x.Window);
        b.Ignore(x => x.IsOpen);
    }
}

internal sealed class WorkOrderPauseConfiguration : IEntityTypeConfiguration<WorkOrderPause>
{
    public void Configure(EntityTypeBuilder<WorkOrderPause> b) => b.Property(x => x.Reason).HasMaxLength(500);
}
