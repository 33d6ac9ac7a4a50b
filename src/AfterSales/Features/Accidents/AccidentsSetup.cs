namespace AfterSales.Features.Accidents;

internal static class AccidentsSetup
{
    public static void AddAccidents(this WebApplicationBuilder builder) => builder.Services.AddScoped<AccidentDesk>();
}
