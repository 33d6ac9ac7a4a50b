using AfterSales.Features.WorkOrders.Holidays;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<HolidayOverride> HolidayOverrides => Set<HolidayOverride>();
}
