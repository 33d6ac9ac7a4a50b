using AfterSales.Features.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

public partial class AppDbContext
{
    public DbSet<SatisfactionSurvey> Surveys => Set<SatisfactionSurvey>();
}
