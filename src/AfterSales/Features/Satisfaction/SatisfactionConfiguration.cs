using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Satisfaction;

internal sealed class SatisfactionConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> b)
    {
        b.ToTable("SatisfactionSurveys");
        b.HasIndex(x => x.TokenHash).IsUnique();
        // One survey per closed subject; closing it again re-issues the link of the same survey.
        b.HasIndex(x => new { x.Subject, x.SubjectId }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.InvitedAtUtc });
        b.HasIndex(x => x.InvitedAtUtc);
        b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AnsweredVia).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
