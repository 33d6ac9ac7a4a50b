namespace AfterSales.Features.Hotline;

public static class HotlineSetup
{
    public static void AddHotline(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CallSettings.From(builder.Configuration));
        builder.Services.AddScoped<CtiIntake>();
        builder.Services.AddScoped<CallDesk>();
    }
}
