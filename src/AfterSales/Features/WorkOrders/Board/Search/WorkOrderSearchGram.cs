using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Board.Search;

/// <summary>
/// One posting of the board search index: an open work order whose number or description holds
/// the gram (see <see cref="SearchGrams"/>). Only open work orders are indexed, as the board shows
/// only those: closing removes a work order's postings, reopening puts them back
/// (<see cref="SearchIndex"/>). Written by SQL alone, never tracked.
/// </summary>
public sealed class WorkOrderSearchGram
{
    public string Gram { get; private set; } = "";
    public long WorkOrderId { get; private set; }

    WorkOrderSearchGram() { }
}

/// <summary>
/// Keyed by (gram, work order): a gram's postings are one range, in work-order order. No foreign
/// key: work orders are never deleted, and a leftover posting would only add a candidate that the
/// board's substring test drops. On SQLite the migration creates the table WITHOUT ROWID (the key
/// is the whole row, so one b-tree instead of a table and its key index).
/// </summary>
internal sealed class WorkOrderSearchGramConfiguration : IEntityTypeConfiguration<WorkOrderSearchGram>
{
    public void Configure(EntityTypeBuilder<WorkOrderSearchGram> b)
    {
        b.ToTable("WorkOrderSearchGrams");
        b.HasKey(x => new { x.Gram, x.WorkOrderId });
    }

    /// <summary>
    /// PostgreSQL: the grams in code-point order (the C collation) whatever the database's, so the
    /// grams beginning with a term's two characters are one range of the key (SQLite's binary
    /// collation already orders them so).
    /// </summary>
    public static void OnPostgres(ModelBuilder builder) => builder.Entity<WorkOrderSearchGram>().Property(x => x.Gram).UseCollation("C");
}
