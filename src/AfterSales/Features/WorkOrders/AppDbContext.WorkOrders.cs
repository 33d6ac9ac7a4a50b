using AfterSales.Features.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WorkOrderClock> WorkOrderClocks => Set<WorkOrderClock>();
    public DbSet<WorkOrderEvent> WorkOrderEvents => Set<WorkOrderEvent>();
    public DbSet<DailyCounter> DailyCounters => Set<DailyCounter>();
}
