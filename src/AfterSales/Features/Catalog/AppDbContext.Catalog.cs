using AfterSales.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<ProductType> ProductTypes => Set<ProductType>();
}
