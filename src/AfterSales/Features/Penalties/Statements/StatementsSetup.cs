namespace AfterSales.Features.Penalties.Statements;

public static class StatementsSetup
{
    public static void AddPenaltyStatements(this WebApplicationBuilder builder) => builder.Services.AddScoped<StatementReports>();

    public static void MapPenaltyStatements(this WebApplication app) => app.MapStatementDownloads();
}
