using AfterSales.Features.Inspections;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<InspectionRound> InspectionRounds => Set<InspectionRound>();
    public DbSet<InspectionRoundAsset> InspectionRoundAssets => Set<InspectionRoundAsset>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<InspectionWindows> InspectionWindows => Set<InspectionWindows>();
}
