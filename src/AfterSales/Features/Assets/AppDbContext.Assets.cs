using AfterSales.Features.Assets;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Asset> Assets => Set<Asset>();
}
