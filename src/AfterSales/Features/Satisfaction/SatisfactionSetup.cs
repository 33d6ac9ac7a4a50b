namespace AfterSales.Features.Satisfaction;

public static class SatisfactionSetup
{
    public static void AddSatisfaction(this WebApplicationBuilder builder) => builder.Services.AddScoped<SatisfactionSurveys>();
}
