using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Coverage);
        b.OwnsOne(
            x => x.Terms,
            t =>
            {
                t.Property(x => x.Calendar).HasConversion<string>().HasMaxLength(20);
            }
        );
        b.Navigation(x => x.Terms).IsRequired();
    }
}
