using AfterSales.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<Document> Documents => Set<Document>();
}
