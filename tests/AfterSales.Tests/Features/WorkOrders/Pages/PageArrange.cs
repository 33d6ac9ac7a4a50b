using AfterSales.Features.WorkOrders;
using AfterSales.Tests.Platform;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Pages;

/// <summary>Work orders opened through the API, and what the work-order page shows, for the page tests.</summary>
internal static class PageArrange
{
    public static async Task<WorkOrderOutput> OpenAsync(
        HttpClient agent,
        long customerId,
        string description = "广告牌灯不亮",
        long? assetId = null
    )
    {
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId,
                assetIds = assetId is { } a ? new[] { a } : [],
                channel = "Hotline",
                description,
                cause = "Defect",
            }
        );
        r.EnsureSuccessStatusCode();
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }

    public static async Task<string> UserIdAsync(AppFactory app, string userName) =>
        await app.DbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static long Version(IDocument page) => long.Parse(page.QuerySelector("#work-order")!.GetAttribute("data-version")!);

    /// <summary>Posts one action form of the work-order page, with the version the page shows now.</summary>
    public static async Task<HttpResponseMessage> ActAsync(
        HttpClient client,
        long id,
        Dictionary<string, string> fields,
        long? version = null
    )
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["Input.Version"] = (version ?? Version(await client.GetPageAsync($"/WorkOrders/{id}"))).ToString(),
        };
        return await client.PostFormAsync($"/WorkOrders/{id}?handler=Event", all, $"/WorkOrders/{id}");
    }
}
