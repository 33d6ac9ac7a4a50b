namespace AfterSales.Features.Customers;

internal static class CustomersSetup
{
    /// <summary>The handlers that the customer pages and the API share.</summary>
    public static void AddCustomers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CustomerEditor>();
        builder.Services.AddScoped<ContactEditor>();
        builder.Services.AddScoped<SiteEditor>();
    }
}
