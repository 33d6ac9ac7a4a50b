using AfterSales.Features.Penalties;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<PenaltyEntry> PenaltyEntries => Set<PenaltyEntry>();
    public DbSet<PenaltyChain> PenaltyChains => Set<PenaltyChain>();
}
