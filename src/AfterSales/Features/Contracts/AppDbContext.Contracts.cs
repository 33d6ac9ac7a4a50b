using AfterSales.Features.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Contract> Contracts => Set<Contract>();
}
