using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// The nearest due instant among the clocks still open (not met), kept on the work order so
    /// the dispatch board sorts and pages in SQL on one index however many work orders there are.
    /// Null when no open clock has a due time (all met, or the only open one paused) and when the
    /// work order is closed: a closed one has nothing left to chase, so the indexed non-null part
    /// holds only the open work orders.
    /// </summary>
    public DateTime? NextDueUtc { get; private set; }

    /// <summary>Called after every change of status or clocks (through Touch) and at intake.</summary>
    internal void RefreshNextDue()
    {
        // A verb that needs no clocks may run on a work order loaded without them (every work
        // order has its response and restore clocks): keep what is stored rather than erase it.
        if (Clocks.Count == 0)
            return;
        NextDueUtc = IsClosed ? null : Clocks.Where(c => c.IsOpen && c.DueUtc is not null).Min(c => c.DueUtc);
    }
}

internal sealed class WorkOrderNextDueConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    // The dispatch board walks this index in order (nearest due first) and seeks to a page's last key.
    public void Configure(EntityTypeBuilder<WorkOrder> b) => b.HasIndex(x => new { x.NextDueUtc, x.Id });
}
