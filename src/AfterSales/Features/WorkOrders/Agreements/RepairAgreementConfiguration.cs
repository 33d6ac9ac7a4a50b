using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Agreements;

internal sealed class RepairAgreementConfiguration : IEntityTypeConfiguration<RepairAgreement>
{
    public void Configure(EntityTypeBuilder<RepairAgreement> b)
    {
        b.HasIndex(x => x.WorkOrderId).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AcceptedByName).HasMaxLength(100);
        b.Property(x => x.DeclineReason).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.RepairAgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).AutoInclude();
    }
}

internal sealed class RepairAgreementLineConfiguration : IEntityTypeConfiguration<RepairAgreementLine>
{
    public void Configure(EntityTypeBuilder<RepairAgreementLine> b)
    {
        b.Property(x => x.Description).HasMaxLength(500);
        b.Ignore(x => x.AmountFen);
    }
}
