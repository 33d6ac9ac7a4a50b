using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders.Holidays;

internal sealed class HolidayOverrideConfiguration : IEntityTypeConfiguration<HolidayOverride>
{
    public void Configure(EntityTypeBuilder<HolidayOverride> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(HolidayOverride.MaxNote);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // One override per day: a second one for the same date is refused, also when two admins race.
        b.HasIndex(x => x.Date).IsUnique();
    }
}
