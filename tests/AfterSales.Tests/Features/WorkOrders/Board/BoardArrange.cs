using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Board;

/// <summary>Work orders opened and moved through the API, as an agent would, for the board's tests.</summary>
public sealed class BoardArrange(AppFactory app, HttpClient agent, WorkOrderWorld world)
{
    public WorkOrderWorld World => world;

    public Task<long> SecondCustomerIdAsync() =>
        app.DbAsync(db => db.Assets.Where(a => a.Id == world.OtherCustomerAssetId).Select(a => a.CustomerId).SingleAsync());

    /// <summary>Opens a work order received <paramref name="ago"/> before now (tender terms: response due 4 h after receipt).</summary>
    public async Task<WorkOrderOutput> OpenAsync(
        string description,
        TimeSpan ago = default,
        long? customerId = null,
        string channel = "Hotline",
        bool major = false
    )
    {
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = customerId ?? world.CustomerId,
                channel,
                description,
                isMajor = major,
                receivedAt = app.Clock.GetUtcNow() - ago,
                backdateReason = ago > TimeSpan.Zero ? "补录夜间来电" : null,
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }

    public async Task<WorkOrderOutput> EventAsync(
        WorkOrderOutput w,
        string type,
        string? note = null,
        string? technicianId = null,
        bool solved = false
    )
    {
        var r = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type,
                note,
                technicianId,
                solved,
                version = w.Version,
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }

    /// <summary>Answered and waiting on the customer: no open clock with a due time.</summary>
    public async Task<WorkOrderOutput> OpenPausedAsync(string description)
    {
        var w = await EventAsync(await OpenAsync(description), "respond", "已回电");
        return await EventAsync(w, "pause", "等待客户提供现场照片");
    }

    public static async Task<BoardArrange> CreateAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        return new BoardArrange(app, await app.SignInAsync(AfterSales.Platform.Auth.Roles.Agent), world);
    }

    /// <summary>The ids of the board's rows, top to bottom.</summary>
    public static long[] RowIds(AngleSharp.Dom.IDocument page) =>
        [
            .. page.QuerySelectorAll(".board-row")
                .Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)),
        ];
}
