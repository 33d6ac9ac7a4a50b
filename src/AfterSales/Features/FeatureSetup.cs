using AfterSales.Features.Assets;
using AfterSales.Features.Catalog;
using AfterSales.Features.Contracts;

namespace AfterSales.Features;

/// <summary>The features of the application, registered and mapped in one readable place.</summary>
internal static class FeatureSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapContractsApi();
        api.MapCatalogApi();
        api.MapAssetsApi();
    }
}
