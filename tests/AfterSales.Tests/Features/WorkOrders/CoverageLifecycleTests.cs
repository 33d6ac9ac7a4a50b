using System.Net;
using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.WorkOrders;

/// <summary>
/// Coverage decided at intake through the API, from the contract terms (delivered 2025-03-01,
/// final acceptance 2025-04-01, requests on 2026-11-25; a period is shown by its last day), and what it means on site: chargeable
/// work waits for an accepted repair agreement, free work does not.
/// </summary>
public sealed class CoverageLifecycleTests
{
    /// <summary>Warranty and technical-service months of the contract, the cause given, and the decision expected.</summary>
    public static TheoryData<string, int, int, string, Charge, string> Cases =>
        new()
        {
            {
                "defect within the warranty",
                24,
                60,
                "Defect",
                Charge.Free,
                "质保期内（至 2027-02-28）的制造或安装缺陷，免费维修，含材料和人工"
            },
            { "defect after the warranty", 12, 60, "Defect", Charge.Chargeable, "质保期已于 2026-02-28 结束，维修收费" },
            { "misuse within the warranty", 24, 60, "Misuse", Charge.Chargeable, "使用不当造成的损坏，按维修协议收费" },
            {
                "consultation within the technical-service period",
                12,
                60,
                "Consultation",
                Charge.Free,
                "免费技术服务期内（至 2030-03-31）的咨询，免费"
            },
            {
                "consultation after the technical-service period",
                12,
                12,
                "Consultation",
                Charge.Chargeable,
                "免费技术服务期已于 2026-03-31 结束，咨询收费"
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Coverage_is_decided_from_the_contract_and_chargeable_work_waits_for_the_repair_agreement(
        string because,
        int warrantyMonths,
        int technicalServiceMonths,
        string cause,
        Charge charge,
        string reason
    )
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(
            app,
            ServiceTerms.TenderDefaults() with
            {
                WarrantyMonths = warrantyMonths,
                TechnicalServiceMonths = technicalServiceMonths,
            }
        );
        var tech = await app.CreateUserAsync("tech-cov", Roles.Technician);
        var agent = await app.SignInAsync(Roles.Agent);
        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "门牌字体脱落 " + because,
                cause,
            }
        );
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var w = await created.ReadJsonAsync<WorkOrderOutput>();
        (w.Charge, w.CoverageReason).ShouldBe((charge, reason), because);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "respond",
                note = "已回复客户",
                version = w.Version,
            }
        );
        w = await EventAsync(
            agent,
            w,
            new
            {
                type = "dispatch",
                technicianId = tech.Id,
                version = w.Version,
            }
        );
        var arrive = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", new { type = "arrive", version = w.Version });
        if (charge == Charge.Free)
        {
            arrive.StatusCode.ShouldBe(HttpStatusCode.OK, because);
            return;
        }
        arrive.StatusCode.ShouldBe(HttpStatusCode.Conflict, because);
        (await arrive.Content.ReadAsStringAsync()).ShouldContain("收费维修须先与客户签订维修协议");

        var agreed = AppFactory.T0.AddDays(3);
        var quote = new
        {
            agreedCompletion = agreed,
            lines = new[]
            {
                new
                {
                    description = "更换字体",
                    quantity = 2,
                    unitPriceFen = 30_000L,
                },
            },
        };
        (await agent.PutJsonAsync($"/api/v1/work-orders/{w.Id}/agreement", quote)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/agreement/accept", new { name = "王经理" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        w = await (await agent.GetAsync($"/api/v1/work-orders/{w.Id}")).ReadJsonAsync<WorkOrderOutput>();
        w = await EventAsync(agent, w, new { type = "arrive", version = w.Version });
        w.Status.ShouldBe(WorkOrderStatus.OnSite);
        w.Clocks.Single(c => c.Kind == AfterSales.Features.WorkOrders.Clocks.ClockKind.Restore).DueAt.ShouldBe(agreed.UtcDateTime);
    }

    static async Task<WorkOrderOutput> EventAsync(HttpClient agent, WorkOrderOutput w, object body)
    {
        var r = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", body);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }
}
