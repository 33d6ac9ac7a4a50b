using AfterSales.Features.WorkOrders.Agreements;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<RepairAgreement> Agreements => Set<RepairAgreement>();
}
