using AfterSales.Features.Penalties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Accidents;

internal sealed class AccidentConfiguration : IEntityTypeConfiguration<Accident>
{
    public void Configure(EntityTypeBuilder<Accident> b)
    {
        b.Property(x => x.Description).HasMaxLength(Accident.MaxText);
        b.Property(x => x.LossAssessment).HasMaxLength(Accident.MaxText);
        b.Property(x => x.DocumentIds).HasMaxLength(1000);
        b.Property(x => x.OpenFindingIds).HasMaxLength(1000);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.Property(x => x.RecordedByName).HasMaxLength(256);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contracts.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assets.Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspections.InspectionRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspections.InspectionFinding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        // One accident is recorded (and decided) once: the same asset at the same instant is the same accident.
        b.HasIndex(x => new { x.AssetId, x.OccurredAtUtc }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.OccurredAtUtc });
        b.HasIndex(x => new { x.ContractId, x.OccurredAtUtc });
        b.Ignore(x => x.DocumentIdList);
        b.Ignore(x => x.OpenFindingIdList);
    }
}

/// <summary>A ledger entry's accident, kept by the database as well as by the entry's hash.</summary>
internal sealed class AccidentEntryLinks : IEntityTypeConfiguration<PenaltyEntry>
{
    public void Configure(EntityTypeBuilder<PenaltyEntry> b) =>
        b.HasOne<Accident>().WithMany().HasForeignKey(x => x.AccidentId).OnDelete(DeleteBehavior.Restrict);
}
