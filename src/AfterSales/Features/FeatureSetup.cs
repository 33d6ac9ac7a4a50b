using AfterSales.Features.Customers;

namespace AfterSales.Features;

/// <summary>The features of the application, registered and mapped in one readable place.</summary>
internal static class FeatureSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        _ = builder;
        builder.AddCustomers();
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        _ = api;
        api.MapCustomersApi();
    }
}
