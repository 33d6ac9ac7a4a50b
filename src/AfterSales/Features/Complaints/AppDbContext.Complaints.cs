using AfterSales.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintClock> ComplaintClocks => Set<ComplaintClock>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
}
