using AfterSales.Features.Accidents;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Accident> Accidents => Set<Accident>();
}
