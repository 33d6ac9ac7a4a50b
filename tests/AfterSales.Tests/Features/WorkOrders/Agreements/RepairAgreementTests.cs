using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Agreements;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Agreements;

public sealed class RepairAgreementTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    [Fact]
    public async Task Chargeable_work_cannot_start_on_site_before_the_customer_accepts()
    {
        var (app, world, agent, w) = await MisuseAsync();
        await using var _ = app;
        var tech = await app.CreateUserAsync("tech1", Roles.Technician);
        w = await EventAsync(agent, w, new { type = "respond", note = "已回复客户" });
        w = await EventAsync(agent, w, new { type = "dispatch", technicianId = tech.Id });

        var before = await app.SnapshotAsync();
        var r = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", new { type = "arrive", version = w.Version });

        // A refusal by the state of the work order, not by a field: 409.
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("收费维修须先与客户签订维修协议");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.WorkOrders.SingleAsync(x => x.Id == w.Id))).Status.ShouldBe(WorkOrderStatus.Dispatched);
    }

    [Fact]
    public async Task Acceptance_makes_the_agreed_date_the_restore_deadline_and_lets_work_start()
    {
        var (app, _, agent, w) = await MisuseAsync();
        await using var __ = app;
        var tech = await app.CreateUserAsync("tech1", Roles.Technician);
        var agreed = AppFactory.T0.AddDays(3);
        (await agent.PutJsonAsync($"/api/v1/work-orders/{w.Id}/agreement", Quote(agreed, (1, 50_000)))).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var accepted = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/agreement/accept", new { name = "王经理" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var a = await accepted.ReadJsonAsync<AgreementOutput>();
        a.Status.ShouldBe(AgreementStatus.Accepted);
        a.AcceptedByName.ShouldBe("王经理");
        a.AcceptedAt.ShouldBe(T0.AddMinutes(30));

        w = await (await agent.GetAsync($"/api/v1/work-orders/{w.Id}")).ReadJsonAsync<WorkOrderOutput>();
        w.Clocks.Single(c => c.Kind == ClockKind.Restore).DueAt.ShouldBe(agreed.UtcDateTime);
        w.Events!.ShouldContain(e => e.Type == WorkOrderEventType.RepairAgreementAccepted);
        w = await EventAsync(agent, w, new { type = "respond", note = "已回复客户" });
        w = await EventAsync(agent, w, new { type = "dispatch", technicianId = tech.Id });
        w = await EventAsync(agent, w, new { type = "arrive" });
        w.Status.ShouldBe(WorkOrderStatus.OnSite);

        // Accepted is final: the quote no longer changes.
        var before = await app.SnapshotAsync();
        (await agent.PutJsonAsync($"/api/v1/work-orders/{w.Id}/agreement", Quote(agreed, (2, 50_000)))).StatusCode.ShouldBe(
            HttpStatusCode.Conflict
        );
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_customer_accepts_its_own_agreement_in_the_portal_and_gets_404_for_another_customers()
    {
        var (app, world, agent, w) = await MisuseAsync();
        await using var _ = app;
        (
            await agent.PutJsonAsync($"/api/v1/work-orders/{w.Id}/agreement", Quote(AppFactory.T0.AddDays(2), (2, 12_345)))
        ).EnsureSuccessStatusCode();

        var stranger = await app.SignInAsync(Roles.Customer, world.OtherCustomerId);
        (await stranger.GetAsync($"/WorkOrders/{w.Id}/Agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/work-orders/{w.Id}/agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostJsonAsync($"/api/v1/work-orders/{w.Id}/agreement/accept", new { name = "冒充者" })).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );

        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        var page = await customer.GetPageAsync($"/WorkOrders/{w.Id}/Agreement");
        page.Text("#total").ShouldBe("¥246.90");
        page.QuerySelector("#quote-form").ShouldBeNull();
        page.QuerySelector("#accept-form").ShouldNotBeNull();

        app.Clock.Advance(TimeSpan.FromHours(1));
        var r = await customer.PostFormAsync(
            $"/WorkOrders/{w.Id}/Agreement?handler=Accept",
            new() { ["Answer.Name"] = "李主任" },
            $"/WorkOrders/{w.Id}/Agreement"
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await app.DbAsync(db => db.Agreements.SingleAsync(x => x.WorkOrderId == w.Id));
        a.Status.ShouldBe(AgreementStatus.Accepted);
        (a.AcceptedByName, a.AcceptedAtUtc).ShouldBe(("李主任", T0.AddHours(1)));
        (await customer.GetPageAsync($"/WorkOrders/{w.Id}/Agreement")).Text("#accepted").ShouldContain("李主任");
    }

    [Fact]
    public async Task Quote_totals_are_exact_in_fen()
    {
        var (app, _, _, w) = await MisuseAsync();
        await using var __ = app;
        var staff = await app.SignInAsync(Roles.Dispatcher);
        var r = await staff.PostFormAsync(
            $"/WorkOrders/{w.Id}/Agreement?handler=Quote",
            new()
            {
                ["Quote.Lines[0].Description"] = "螺丝",
                ["Quote.Lines[0].Quantity"] = "3",
                ["Quote.Lines[0].UnitPrice"] = "0.10",
                ["Quote.Lines[1].Description"] = "灯管",
                ["Quote.Lines[1].Quantity"] = "7",
                ["Quote.Lines[1].UnitPrice"] = "19.99",
                ["Quote.Lines[2].Description"] = "",
                ["Quote.AgreedCompletion"] = "2026-11-28T18:00",
            },
            $"/WorkOrders/{w.Id}/Agreement"
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());

        var a = await app.DbAsync(db => db.Agreements.SingleAsync(x => x.WorkOrderId == w.Id));
        a.TotalFen.ShouldBe(3 * 10 + 7 * 1999);
        a.Lines.Count.ShouldBe(2);
        // 18:00 Beijing time is 10:00 UTC.
        a.AgreedCompletionUtc.ShouldBe(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc));
        (await staff.GetPageAsync($"/WorkOrders/{w.Id}/Agreement")).Text("#total").ShouldBe("¥140.23");
    }

    [Theory]
    [InlineData(-1, 100, 2, "数量必须大于零")]
    [InlineData(0, 100, 2, "数量必须大于零")]
    [InlineData(1, -100, 2, "单价不能为负数")]
    [InlineData(1, 100, -1, "约定完成时间必须晚于受理时间")]
    public async Task Bad_quotes_are_refused_and_change_nothing(int quantity, long priceFen, int agreedDays, string message)
    {
        var (app, _, agent, w) = await MisuseAsync();
        await using var _ = app;
        var before = await app.SnapshotAsync();

        var r = await agent.PutJsonAsync(
            $"/api/v1/work-orders/{w.Id}/agreement",
            Quote(AppFactory.T0.AddDays(agreedDays), (quantity, priceFen))
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_declined_agreement_keeps_chargeable_work_from_starting()
    {
        var (app, world, agent, w) = await MisuseAsync();
        await using var _ = app;
        (
            await agent.PutJsonAsync($"/api/v1/work-orders/{w.Id}/agreement", Quote(AppFactory.T0.AddDays(2), (1, 100)))
        ).EnsureSuccessStatusCode();
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);

        var r = await customer.PostJsonAsync($"/api/v1/work-orders/{w.Id}/agreement/decline", new { name = "李主任", reason = "价格过高" });

        (await r.ReadJsonAsync<AgreementOutput>()).Status.ShouldBe(AgreementStatus.Declined);
        var before = await app.SnapshotAsync();
        (await customer.PostJsonAsync($"/api/v1/work-orders/{w.Id}/agreement/accept", new { name = "李主任" })).StatusCode.ShouldBe(
            HttpStatusCode.Conflict
        );
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.WorkOrders.SingleAsync(x => x.Id == w.Id))).RepairAgreementAccepted.ShouldBeFalse();
    }

    static object Quote(DateTimeOffset agreed, params (int Quantity, long PriceFen)[] lines) =>
        new
        {
            agreedCompletion = agreed,
            lines = lines
                .Select(
                    (l, i) =>
                        new
                        {
                            description = $"项目{i + 1}",
                            quantity = l.Quantity,
                            unitPriceFen = l.PriceFen,
                        }
                )
                .ToArray(),
        };

    /// <summary>A work order on misuse: chargeable under a repair agreement.</summary>
    static async Task<(AppFactory, World, HttpClient, WorkOrderOutput)> MisuseAsync()
    {
        var app = new AppFactory();
        var arranged = await WorkOrderWorld.ArrangeAsync(app);
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != arranged.CustomerId).Select(c => c.Id).FirstAsync());
        var agent = await app.SignInAsync(Roles.Agent);
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = arranged.CustomerId,
                assetIds = new[] { arranged.AssetId },
                channel = "Hotline",
                description = "广告牌被车撞坏",
                cause = "Misuse",
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Created);
        var w = await r.ReadJsonAsync<WorkOrderOutput>();
        w.Charge.ShouldBe(Charge.Chargeable);
        return (app, new World(arranged.CustomerId, other), agent, w);
    }

    sealed record World(long CustomerId, long OtherCustomerId);

    static async Task<WorkOrderOutput> EventAsync(HttpClient agent, WorkOrderOutput w, object e)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(e, HttpExtensions.Json)!.AsObject();
        body["version"] = w.Version;
        var r = await agent.PostJsonAsync($"/api/v1/work-orders/{w.Id}/events", body);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderOutput>();
    }
}
