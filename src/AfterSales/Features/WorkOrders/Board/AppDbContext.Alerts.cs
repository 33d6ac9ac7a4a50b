using AfterSales.Features.WorkOrders.Board;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Alert> Alerts => Set<Alert>();
}
