using AfterSales.Features.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Penalties;

internal sealed class PenaltyEntryConfiguration : IEntityTypeConfiguration<PenaltyEntry>
{
    public void Configure(EntityTypeBuilder<PenaltyEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.Property(x => x.RecordedByName).HasMaxLength(256);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.PauseIds).HasMaxLength(1000);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        // The chain: one entry per position; a second writer taking the same position fails here.
        b.HasIndex(x => new { x.ContractId, x.Sequence }).IsUnique();
        // Accrual is idempotent: a work order's period of a kind is charged once (NULL periods — losses — are distinct).
        b.HasIndex(x => new
            {
                x.WorkOrderId,
                x.Kind,
                x.Period,
            })
            .IsUnique();
        // An accident is charged once, and its losses entered once. Partial, like the next one: the
        // key is NULL on almost every entry, and an accrual pass writes a hundred thousand entries,
        // each of which would otherwise add a row to both indexes for nothing.
        b.HasIndex(x => new { x.AccidentId, x.Kind }).IsUnique().HasFilter("\"AccidentId\" IS NOT NULL");
        // One waiver or correction per entry.
        b.HasIndex(x => x.OriginalEntryId).IsUnique().HasFilter("\"OriginalEntryId\" IS NOT NULL");
        // Statements: a contract's entries of a period.
        b.HasIndex(x => new { x.ContractId, x.OccurredAtUtc });
        b.HasIndex(x => x.CustomerId);
        b.HasOne<Contracts.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PenaltyEntry>().WithOne().HasForeignKey<PenaltyEntry>(x => x.OriginalEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.PenaltyEntryId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Fields);
        b.Ignore(x => x.PauseIdList);
    }
}

internal sealed class PenaltyEvidenceConfiguration : IEntityTypeConfiguration<PenaltyEvidence>
{
    public void Configure(EntityTypeBuilder<PenaltyEvidence> b)
    {
        b.ToTable("PenaltyEvidence");
        b.HasKey(x => new { x.PenaltyEntryId, x.DocumentId });
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        // No foreign key to the document: the evidence outlives a document removed from its record
        // (the stored bytes stay, named by this hash).
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class PenaltyChainConfiguration : IEntityTypeConfiguration<PenaltyChain>
{
    public void Configure(EntityTypeBuilder<PenaltyChain> b)
    {
        b.HasKey(x => x.ContractId);
        b.Property(x => x.ContractId).ValueGeneratedNever();
        b.Property(x => x.Sequence).IsConcurrencyToken();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasOne<Contracts.Contract>().WithOne().HasForeignKey<PenaltyChain>(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// A clock's accrual state (periods charged, when to look next) lives in a narrow table of its own:
/// a pass over a backlog moves the state of a hundred thousand clocks, and rewriting that many wide
/// clock rows dirtied nearly every page of the clock table (about nine in ten pages a pass wrote).
/// The accrual reads only the clocks that owe something now: an index on the instant each must be looked at.
/// </summary>
internal sealed class AccrualIndexes : IEntityTypeConfiguration<WorkOrderClock>
{
    public const string Table = "WorkOrderClockPenalties";

    public void Configure(EntityTypeBuilder<WorkOrderClock> b)
    {
        b.SplitToTable(
            Table,
            t =>
            {
                t.Property(x => x.PenaltyPeriods);
                t.Property(x => x.PenaltyCheckUtc);
            }
        );
        b.HasIndex(x => new { x.PenaltyCheckUtc, x.Id })
            .HasFilter("\"PenaltyCheckUtc\" IS NOT NULL")
            .HasDatabaseName("IX_WorkOrderClockPenalties_Check");
    }
}
