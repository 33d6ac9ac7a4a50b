using AfterSales.Features.Customers;
using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;

namespace AfterSales.Features;

/// <summary>The features of the application, registered and mapped in one readable place.</summary>
internal static class FeatureSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        builder.AddCustomers();
        builder.AddDocuments();
        builder.AddWorkOrders();
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapCustomersApi();
        api.MapDocumentsApi();
        api.MapWorkOrdersApi();
        WorkOrders.Agreements.AgreementsApi.MapAgreementsApi(api);
        app.MapDocumentDownloads();
    }
}
