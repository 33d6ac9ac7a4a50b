using AfterSales.Features.WorkOrders.Board.Search;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<WorkOrderSearchGram> WorkOrderSearchGrams => Set<WorkOrderSearchGram>();
    public DbSet<WorkOrderSearchPending> WorkOrderSearchPending => Set<WorkOrderSearchPending>();
}
