using AfterSales.Features.Documents;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Documents;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// Two customers, each with a ¥100,000.00 contract on the tender's terms (1% per missed response,
/// 1% per day late, 4 h to respond, 48 h to restore), and a ledger made the way it is made in
/// use: work orders opened at T0 through the API, clocks left to breach, the accrual run, and a
/// manager's loss with a document. Customer A's contract ends with four entries:
/// #1 missed response of WO1, #2 WO1 late day 1, #3 WO2 late day 1 (its deadline extended by a
/// one-hour pause, restored later), #4 a loss of ¥2,345.67 on WO1. Customer B has one missed response.
/// </summary>
public sealed record StatementWorld(
    WorkOrderWorld World,
    long WorkOrder1,
    long WorkOrder2,
    long OtherWorkOrder,
    HttpClient Manager,
    HttpClient Agent
)
{
    public const long ContractTotalFen = 10_000_000;
    public const long EntryFen = 100_000;
    public const long LossFen = 234_567;
    public const long NetFen = 3 * EntryFen + LossFen;

    public long ContractId => World.ContractId;
    public long CustomerId => World.CustomerId;
    public string StatementUrl => $"/Contracts/{ContractId}/Penalties";

    public static async Task<StatementWorld> ArrangeAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var otherCustomer = await app.DbAsync(db =>
            Task.FromResult(db.Assets.Where(a => a.Id == world.OtherCustomerAssetId).Select(a => a.CustomerId).Single())
        );
        var wo1 = await OpenAsync(agent, world.CustomerId, world.AssetId, "大门标识牌倾斜");
        var wo2 = await OpenAsync(agent, world.CustomerId, world.AssetId, "灯箱不亮");
        var other = await OpenAsync(agent, otherCustomer, world.OtherCustomerAssetId, "指示牌脱落");

        app.Clock.Advance(TimeSpan.FromHours(1));
        await EventAsync(agent, wo2, "respond", "已电话回复客户");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await EventAsync(agent, wo2, "pause", "等待客户开放机房");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await EventAsync(agent, wo2, "resume", null);

        app.Clock.Advance(TimeSpan.FromHours(2)); // T0 + 5 h: the response clocks of WO1 and the other customer's are late
        await AccrueAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(45)); // T0 + 50 h: WO1 due at 48 h, WO2 at 49 h (one hour paused)
        await AccrueAsync(app);
        // Two days on, the sign-in cookies of T0 have expired: sign in again, as people would.
        agent = await app.SignInAsync(Roles.Agent);
        var manager = await app.SignInAsync(Roles.Manager);
        await EventAsync(agent, wo2, "restore", "更换镇流器后恢复");
        await AccrueAsync(app);

        var photo = await app.UploadAsync(DocumentOwner.WorkOrder, wo1, DocumentKind.RepairSitePhoto, "损坏现场.png", TestFiles.Png());
        var loss = await manager.PostJsonAsync(
            $"/api/v1/work-orders/{wo1}/losses",
            new
            {
                amountFen = LossFen,
                assessment = "标识牌坠落砸坏客户展板，按采购价评估",
                documentIds = new[] { photo.Id },
            }
        );
        loss.EnsureSuccessStatusCode();
        return new StatementWorld(world, wo1, wo2, other, manager, agent);
    }

    public static async Task AccrueAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(CancellationToken.None);
    }

    static async Task<long> OpenAsync(HttpClient agent, long customerId, long assetId, string description)
    {
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId,
                channel = "Hotline",
                assetIds = new[] { assetId },
                description,
            }
        );
        r.EnsureSuccessStatusCode();
        return (await r.ReadJsonAsync<AfterSales.Features.WorkOrders.WorkOrderOutput>()).Id;
    }

    static async Task EventAsync(HttpClient agent, long id, string type, string? note)
    {
        var version = (
            await (await agent.GetAsync($"/api/v1/work-orders/{id}")).ReadJsonAsync<AfterSales.Features.WorkOrders.WorkOrderOutput>()
        ).Version;
        var r = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{id}/events",
            new
            {
                type,
                note,
                version,
            }
        );
        if (!r.IsSuccessStatusCode)
            throw new InvalidOperationException($"{type} on {id}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }
}
