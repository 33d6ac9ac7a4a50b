using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// A work order opened but not yet in the board search index: the intake writes this one row
/// instead of the work order's few dozen postings, and <see cref="SearchIndexer"/> writes the
/// postings soon after, many work orders at a time. Until then the board search takes every
/// pending work order as a candidate (they are few), so a new work order is findable at once.
/// Written in the intake's transaction: nothing acknowledged is left out of the index.
/// </summary>
public sealed class WorkOrderSearchPending
{
    public long WorkOrderId { get; private set; }

    WorkOrderSearchPending() { }
}

internal sealed class WorkOrderSearchPendingConfiguration : IEntityTypeConfiguration<WorkOrderSearchPending>
{
    public void Configure(EntityTypeBuilder<WorkOrderSearchPending> b)
    {
        b.ToTable("WorkOrderSearchPending");
        b.HasKey(x => x.WorkOrderId);
        b.Property(x => x.WorkOrderId).ValueGeneratedNever();
    }
}
