using System.Net;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Hotline;

/// <summary>The work-order world plus a contact whose number the phone system reports, and a CTI client.</summary>
public sealed record HotlineWorld(WorkOrderWorld Orders, HttpClient Cti)
{
    public const string CallerNumber = "0571-88886666";

    public static async Task<HotlineWorld> ArrangeAsync(AppFactory app)
    {
        var orders = await WorkOrderWorld.ArrangeAsync(app);
        await app.DbAsync(async db =>
        {
            var customer = await db.Customers.FindAsync(orders.CustomerId);
            customer!.AddContact("王老师", CallerNumber, null, "总务", true);
            await db.SaveChangesAsync();
        });
        return new HotlineWorld(orders, await app.ApiKeyClientAsync(Policies.LogCalls));
    }

    /// <summary>Posts one CTI event; the phone system sends digits only.</summary>
    public static Task<HttpResponseMessage> SendAsync(
        HttpClient cti,
        string eventId,
        string callId,
        string type,
        DateTimeOffset at,
        string? caller = "057188886666",
        string? agent = "8001"
    ) =>
        cti.PostJsonAsync(
            "/api/v1/calls/events",
            new
            {
                eventId,
                callId,
                type,
                at,
                callerNumber = caller,
                agent,
            }
        );

    public static async Task SendOkAsync(
        HttpClient cti,
        string eventId,
        string callId,
        string type,
        DateTimeOffset at,
        string? agent = "8001"
    )
    {
        var r = await SendAsync(cti, eventId, callId, type, at, agent: agent);
        r.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
    }
}
