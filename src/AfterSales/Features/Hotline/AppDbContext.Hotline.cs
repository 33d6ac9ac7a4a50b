using AfterSales.Features.Hotline;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<CallRecord> Calls => Set<CallRecord>();

    public DbSet<CallEvent> CallEvents => Set<CallEvent>();

    public DbSet<CallDayTotal> CallDayTotals => Set<CallDayTotal>();
}
