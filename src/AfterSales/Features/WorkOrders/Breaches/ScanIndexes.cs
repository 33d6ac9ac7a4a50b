using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// Indexes for breach detection. An index on DueUtc alone would still walk every met clock of
/// the past year; leading with the "still open" columns (both providers seek on IS NULL) makes a
/// pass read only the open clocks that fall due.
/// </summary>
internal sealed class ScanIndexes : IEntityTypeConfiguration<WorkOrderClock>
{
    public void Configure(EntityTypeBuilder<WorkOrderClock> b)
    {
        b.HasIndex(x => new
            {
                x.MetAtUtc,
                x.BreachedAtUtc,
                x.DueUtc,
            })
            .HasDatabaseName("IX_WorkOrderClocks_OpenDue");
        b.HasIndex(x => new
            {
                x.MetAtUtc,
                x.DueSoonAlertedAtUtc,
                x.DueSoonUtc,
            })
            .HasDatabaseName("IX_WorkOrderClocks_OpenDueSoon");
    }
}
