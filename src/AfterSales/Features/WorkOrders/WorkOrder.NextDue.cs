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

/// <summary>
/// The dispatch board's indexes. All are partial, over the open work orders only (a few percent of
/// all), so their size and the cost of keeping them do not grow with the closed history; the board's
/// queries say <c>Status &lt;&gt; 'Closed'</c> in so many words, which is what lets both SQLite and
/// PostgreSQL use a partial index. Each walks in board order, (NextDueUtc, Id), after its filter's
/// equality, so a filtered page is a seek and a short walk instead of a scan of every open work order
/// and a sort (SQLite otherwise picks the full technician or status index and sorts what it finds).
/// The first also carries the filtered columns, so a combination of filters walks it without a row
/// lookup per work order; with NextDueUtc IS NULL it is the part without a due time, in Id order.
/// </summary>
internal sealed class WorkOrderNextDueConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    const string Open = "\"Status\" <> 'Closed'";

    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.HasIndex(
                x => new
                {
                    x.NextDueUtc,
                    x.Id,
                    x.Status,
                    x.TechnicianId,
                    x.Channel,
                    x.IsMajor,
                    x.CustomerId,
                },
                "IX_WorkOrders_Open"
            )
            .HasFilter(Open);
        b.HasIndex(
                x => new
                {
                    x.Status,
                    x.NextDueUtc,
                    x.Id,
                },
                "IX_WorkOrders_Open_Status"
            )
            .HasFilter(Open);
        b.HasIndex(
                x => new
                {
                    x.TechnicianId,
                    x.NextDueUtc,
                    x.Id,
                },
                "IX_WorkOrders_Open_Technician"
            )
            .HasFilter(Open);
        b.HasIndex(
                x => new
                {
                    x.Channel,
                    x.NextDueUtc,
                    x.Id,
                },
                "IX_WorkOrders_Open_Channel"
            )
            .HasFilter(Open);
        b.HasIndex(x => new { x.NextDueUtc, x.Id }, "IX_WorkOrders_Open_Major").HasFilter("\"IsMajor\" AND " + Open);
        // The customer filter, and the search's customers whose name holds the term (see Search/SearchCandidates).
        b.HasIndex(
                x => new
                {
                    x.CustomerId,
                    x.NextDueUtc,
                    x.Id,
                },
                "IX_WorkOrders_Open_Customer"
            )
            .HasFilter(Open);
    }
}
