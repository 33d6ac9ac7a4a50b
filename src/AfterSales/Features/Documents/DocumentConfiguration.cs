using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(x => x.OwnerType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Caption).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
        b.HasIndex(x => x.CustomerId);
        b.Ignore(x => x.IsImage);
    }
}
