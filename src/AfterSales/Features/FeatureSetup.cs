using AfterSales.Features.Accidents;
using AfterSales.Features.Admin;
using AfterSales.Features.Assets;
using AfterSales.Features.Catalog;
using AfterSales.Features.Complaints;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Features.Documents;
using AfterSales.Features.Hotline;
using AfterSales.Features.Inspections;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Statements;
using AfterSales.Features.Visits;
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
        builder.Services.AddScoped<Admin.Users.UserAccounts>();
        builder.AddVisits();
        builder.AddPenalties();
        builder.AddPenaltyStatements();
        builder.AddComplaints();
        builder.AddHotline();
        Satisfaction.SatisfactionSetup.AddSatisfaction(builder);
        builder.AddAccidents();
        builder.AddInspections();
    }

    public static void MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilterFactory(Platform.Errors.DefinedEnums.Filter);
        api.MapCustomersApi();
        api.MapContractsApi();
        api.MapCatalogApi();
        api.MapAssetsApi();
        api.MapDocumentsApi();
        api.MapWorkOrdersApi();
        api.MapWorkOrdersListApi();
        WorkOrders.Agreements.AgreementsApi.MapAgreementsApi(api);
        app.MapDocumentDownloads();
        api.MapAdminApi();
        app.MapVisits(api);
        api.MapPenaltiesApi();
        app.MapPenaltyStatements();
        api.MapComplaintsApi();
        api.MapComplaintHandlingApi();
        Satisfaction.SurveyLinkApi.MapSurveyLinkApi(api);
        api.MapHotlineApi();
        api.MapAccidentsApi();
        app.MapInspections(api);
    }
}
