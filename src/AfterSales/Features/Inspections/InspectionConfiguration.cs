using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Inspections;

internal sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> b)
    {
        b.Property(x => x.Season).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.TechnicianId).HasMaxLength(64);
        b.Property(x => x.TechnicianName).HasMaxLength(256);
        b.Property(x => x.CheckInLocation).HasMaxLength(200);
        b.Property(x => x.SignerName).HasMaxLength(100);
        b.Property(x => x.SatisfactionComment).HasMaxLength(InspectionRound.MaxComment);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Assets).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        // Never two rounds for one site and season: the planner relies on it to be idempotent.
        b.HasIndex(x => new
            {
                x.SiteId,
                x.Season,
                x.SeasonYear,
            })
            .IsUnique();
        // The round list pages by (due, id); missed detection reads open rounds by due instant.
        b.HasIndex(x => new { x.DueAtUtc, x.Id });
        // Filtering the list by season (and year) walks that season's rounds only, in list order.
        b.HasIndex(x => new
        {
            x.Season,
            x.SeasonYear,
            x.DueAtUtc,
            x.Id,
        });
        b.HasIndex(x => new
        {
            x.Status,
            x.DueAtUtc,
            x.Id,
        });
        // A season without a year, alone or with a status, also walks its rounds in list order rather
        // than sorting them all (or reading every other season's rounds of that status first).
        b.HasIndex(x => new
        {
            x.Season,
            x.DueAtUtc,
            x.Id,
        });
        b.HasIndex(x => new
        {
            x.Status,
            x.Season,
            x.DueAtUtc,
            x.Id,
        });
        b.HasIndex(x => new { x.CustomerId, x.DueAtUtc });
        b.HasIndex(x => new { x.TechnicianId, x.Status });
        b.Ignore(x => x.IsClosed);
    }
}

internal sealed class InspectionRoundAssetConfiguration : IEntityTypeConfiguration<InspectionRoundAsset>
{
    public void Configure(EntityTypeBuilder<InspectionRoundAsset> b)
    {
        b.HasKey(x => new { x.RoundId, x.AssetId });
        b.Property(x => x.ChecklistItemIds).HasMaxLength(4000);
        b.Ignore(x => x.Checklist);
        b.HasOne<Assets.Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contracts.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        // "The last round due for this asset before an accident".
        b.HasIndex(x => x.AssetId);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.Property(x => x.ItemText).HasMaxLength(ChecklistItem.MaxText);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Notes).HasMaxLength(InspectionFinding.MaxText);
        b.Property(x => x.Proposal).HasMaxLength(InspectionFinding.MaxText);
        b.Property(x => x.ResolutionNote).HasMaxLength(InspectionFinding.MaxText);
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.HasOne<Assets.Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contracts.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChecklistItem>().WithMany().HasForeignKey(x => x.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkOrders.WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new
            {
                x.RoundId,
                x.AssetId,
                x.ChecklistItemId,
            })
            .IsUnique();
        // "Findings on this asset still open at an instant".
        b.HasIndex(x => new { x.AssetId, x.RecordedAtUtc });
        b.HasIndex(x => x.WorkOrderId);
        b.HasIndex(x => new { x.Outcome, x.CustomerId });
        b.Ignore(x => x.IsProblem);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.Property(x => x.Text).HasMaxLength(ChecklistItem.MaxText);
        b.Property(x => x.TextEn).HasMaxLength(ChecklistItem.MaxText);
        b.HasOne<Catalog.ProductType>().WithMany().HasForeignKey(x => x.ProductTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProductTypeId, x.SortOrder });
        b.Ignore(x => x.DisplayText);
    }
}

internal sealed class InspectionWindowsConfiguration : IEntityTypeConfiguration<InspectionWindows>
{
    public void Configure(EntityTypeBuilder<InspectionWindows> b)
    {
        b.HasKey(x => x.ContractId);
        b.Property(x => x.ContractId).ValueGeneratedNever();
        b.HasOne<Contracts.Contract>().WithOne().HasForeignKey<InspectionWindows>(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Summer);
        b.Ignore(x => x.Winter);
    }
}
