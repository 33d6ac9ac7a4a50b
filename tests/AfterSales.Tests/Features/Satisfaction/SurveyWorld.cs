using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Satisfaction;

/// <summary>A work order taken, restored and closed through the API; the close answers with the personal survey link.</summary>
public sealed record SurveyWorld(WorkOrderWorld Orders, long WorkOrderId, string Link)
{
    public static async Task<SurveyWorld> ArrangeAsync(AppFactory app)
    {
        var orders = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = orders.CustomerId,
                assetIds = new[] { orders.AssetId },
                channel = "Hotline",
                description = "门牌松动",
                cause = "Defect",
            }
        );
        var w = await created.ReadJsonAsync<WorkOrderOutput>();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        HttpResponseMessage last = null!;
        foreach (var type in new[] { "respond", "restore", "close" })
        {
            last = await agent.PostJsonAsync(
                $"/api/v1/work-orders/{w.Id}/events",
                new
                {
                    type,
                    note = "电话指导紧固",
                    version = w.Version,
                }
            );
            last.StatusCode.ShouldBe(HttpStatusCode.OK, await last.Content.ReadAsStringAsync());
            w = await last.ReadJsonAsync<WorkOrderOutput>();
        }
        var link = last.Headers.GetValues(WorkOrdersApi.SurveyLinkHeader).Single();
        return new SurveyWorld(orders, w.Id, link);
    }
}
