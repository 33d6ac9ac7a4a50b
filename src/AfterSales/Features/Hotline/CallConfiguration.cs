using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Hotline;

internal sealed class CallConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> b)
    {
        // One call per phone-system call id, whichever node sees its first event.
        b.HasIndex(x => x.ExternalId).IsUnique();
        // The report reads only this index: decided calls grouped by day and agent, in index order.
        b.HasIndex(x => new
            {
                x.Day,
                x.Agent,
                x.MetPromise,
            })
            .HasDatabaseName("IX_Calls_Report");
        b.HasIndex(x => x.RingingAtUtc);
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CallerNumber).HasMaxLength(32);
        b.Property(x => x.ContactName).HasMaxLength(100);
        b.Property(x => x.Agent).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Outcome);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrders.WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEvent>
{
    public void Configure(EntityTypeBuilder<CallEvent> b)
    {
        // Exactly once: a second insert of the same event id fails in the database, on any node.
        b.HasIndex(x => x.EventId).IsUnique();
        b.HasIndex(x => x.CallExternalId);
        b.Property(x => x.EventId).HasMaxLength(100);
        b.Property(x => x.CallExternalId).HasMaxLength(100);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.CallerNumber).HasMaxLength(32);
        b.Property(x => x.Agent).HasMaxLength(64);
        b.Property(x => x.ReceivedBy).HasMaxLength(256);
    }
}

internal sealed class CallDayTotalConfiguration : IEntityTypeConfiguration<CallDayTotal>
{
    public void Configure(EntityTypeBuilder<CallDayTotal> b)
    {
        // The key is the upsert's conflict target; the report reads a range of days in key order.
        b.HasKey(x => new { x.Day, x.Agent });
        b.Property(x => x.Agent).HasMaxLength(64);
    }
}
