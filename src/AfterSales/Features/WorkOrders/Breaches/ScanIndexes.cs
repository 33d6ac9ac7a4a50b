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
        // Breached clocks are left out of the due-soon seek: a clock that breached before its warning
        // was sent (between two passes, or while no node was scanning) stays open and unwarned for good,
        // and once these pile up every pass would walk all of them to find nothing.
        b.HasIndex(x => new
            {
                x.MetAtUtc,
                x.BreachedAtUtc,
                x.DueSoonAlertedAtUtc,
                x.DueSoonUtc,
            })
            .HasDatabaseName("IX_WorkOrderClocks_OpenDueSoon");
    }
}
