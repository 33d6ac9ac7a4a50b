using AfterSales.Features.Admin;

namespace AfterSales.Features;

/// <summary>The features of the application, registered and mapped in one readable place.</summary>
internal static class FeatureSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        _ = builder;
        builder.Services.AddScoped<Admin.Users.UserAccounts>();
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        _ = api;
        api.MapAdminApi();
    }
}
