using System.Net;
using AfterSales.Features.Visits;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Penalties;
using AfterSales.Tests.Features.Visits;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Refusals;

/// <summary>API input the framework or the entities used to choke on (500s, values no switch knows, wrapped sums): refused, nothing changed.</summary>
public sealed class ApiInputRefusalTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    /// <summary>JSON bodies for a new work order ({0} is the customer id) with an enum value that names no member.</summary>
    public static TheoryData<string, string, string> UndefinedEnums =>
        new()
        {
            { """{"customerId":{0},"description":"灯不亮","channel":99}""", "channel", "channel的值无效" },
            { """{"customerId":{0},"description":"灯不亮","cause":7}""", "cause", "cause的值无效" },
            { """{"customerId":{0},"description":"灯不亮","channel":"99"}""", "channel", "channel的值无效" },
            { """{"customerId":{0},"description":"灯不亮","cause":"Defect, Misuse"}""", "cause", "cause的值无效" },
            { """{"customerId":{0},"description":"灯不亮","channel":"Pigeon"}""", "channel", "channel的值无效" },
        };

    [Theory]
    [MemberData(nameof(UndefinedEnums))]
    public async Task A_work_order_with_an_undefined_enum_value_is_refused_and_nothing_is_created(string json, string field, string message)
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostRawAsync("/api/v1/work-orders", json.Replace("{0}", world.CustomerId.ToString(), StringComparison.Ordinal));

        await r.ShouldBeRefusedAsync(HttpStatusCode.BadRequest, field, message, "{0}的值无效");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Undefined_enum_values_in_queries_and_other_features_are_refused()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        await (await agent.GetAsync("/api/v1/work-orders?status=99")).ShouldBeRefusedAsync(
            HttpStatusCode.BadRequest,
            "status",
            "status的值无效",
            "{0}的值无效"
        );
        await (await agent.GetAsync("/api/v1/customers?category=42")).ShouldBeRefusedAsync(
            HttpStatusCode.BadRequest,
            "category",
            "category的值无效",
            "{0}的值无效"
        );
        var complaint = await agent.PostRawAsync(
            "/api/v1/complaints",
            $$"""{"customerId":{{world.CustomerId}},"description":"态度差","category":"9"}"""
        );
        await complaint.ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "category", "category的值无效", "{0}的值无效");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Null_lists_count_as_empty_instead_of_failing()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var world = a.World;

        var created = await a.Agent.PostRawAsync(
            "/api/v1/work-orders",
            $$"""{"customerId":{{world.CustomerId}},"description":"不确定是哪块牌子","assetIds":null}"""
        );
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.ReadJsonAsync<WorkOrderOutput>()).AssetIds.ShouldBeEmpty();

        var visit = await (
            await a.Technician.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { })
        ).ReadJsonAsync<VisitOutput>();
        var work = await a.Technician.PostRawAsync($"/api/v1/visits/{visit.Id}/work", """{"workDone":"更换灯管","items":null}""");
        work.StatusCode.ShouldBe(HttpStatusCode.OK, await work.Content.ReadAsStringAsync());
        (await work.ReadJsonAsync<VisitOutput>()).Items.ShouldBeEmpty();

        var manager = await app.SignInAsync(Roles.Manager);
        var before = await app.SnapshotAsync();
        var loss = await manager.PostRawAsync(
            $"/api/v1/work-orders/{a.WorkOrderId}/losses",
            """{"amountFen":100000,"assessment":"展台损坏","documentIds":null}"""
        );
        await loss.ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "documentIds", "请选择证明损失的文档", "请选择证明损失的文档");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Nested_parts_are_validated_and_a_price_that_would_overflow_is_refused()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var visit = await (
            await a.Technician.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { })
        ).ReadJsonAsync<VisitOutput>();
        var before = await app.SnapshotAsync();

        // 922,337,203,685,477 fen × 10,000 wraps round a long to a negative amount.
        var huge = await a.Technician.PostRawAsync(
            $"/api/v1/visits/{visit.Id}/work",
            """{"workDone":"更换灯箱","items":[{"part":"灯箱","quantity":10000,"chargeable":true,"unitPriceFen":922337203685477}]}"""
        );
        await huge.ShouldBeRefusedAsync(
            HttpStatusCode.BadRequest,
            "items[0].unitPriceFen",
            "单价（分）应在0到10000000000之间",
            "{0}应在{1}到{2}之间"
        );
        var empty = await a.Technician.PostRawAsync($"/api/v1/visits/{visit.Id}/work", """{"workDone":"更换灯箱","items":[null]}""");
        await empty.ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "items[0]", "第1行不能为空", "第{0}行不能为空");

        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.Visits.SingleAsync())).WorkDone.ShouldBeNull();
    }

    [Fact]
    public void A_part_priced_beyond_the_limit_is_refused_by_the_visit_itself()
    {
        // The page posts without the API's attribute validation: the entity holds the bound too.
        var e = Should.Throw<AfterSales.Platform.Errors.DomainException>(() =>
            VisitItem.Create(null, "灯箱", VisitItem.MaxQuantity, true, long.MaxValue / 2, 0)
        );
        e.Message.ShouldBe("第{0}行：单价应在0到{1}之间");
        AfterSales.Platform.Localization.Texts.EnglishTexts.ShouldContainKey(e.Message);
    }

    [Fact]
    public async Task Arriving_again_after_the_restore_is_refused_and_the_status_stays_restored()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        async Task<WorkOrderOutput> Event(object e)
        {
            var r = await a.Agent.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/events", e);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            return await r.ReadJsonAsync<WorkOrderOutput>();
        }
        var w = await (await a.Agent.GetAsync($"/api/v1/work-orders/{a.WorkOrderId}")).ReadJsonAsync<WorkOrderOutput>();
        app.Clock.Advance(TimeSpan.FromHours(1));
        w = await Event(new { type = "arrive", version = w.Version });
        w = await Event(new { type = "restore", version = w.Version });
        var before = await app.SnapshotAsync();

        var again = await a.Agent.PostJsonAsync(
            $"/api/v1/work-orders/{a.WorkOrderId}/events",
            new { type = "arrive", version = w.Version }
        );

        await again.ShouldBeRefusedAsync(HttpStatusCode.Conflict, null, "服务已恢复，无需到场签到", "服务已恢复，无需到场签到");
        (await app.SnapshotAsync()).ShouldBe(before);
        var after = await (await a.Agent.GetAsync($"/api/v1/work-orders/{a.WorkOrderId}")).ReadJsonAsync<WorkOrderOutput>();
        (after.Status, after.Version).ShouldBe((WorkOrderStatus.Restored, w.Version));
    }

    [Fact]
    public async Task A_request_backdated_beyond_the_limit_is_refused_even_with_a_reason()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                description = "门牌松动",
                receivedAt = T0.AddDays(-ReceivedAtRule.DefaultMaxBackdateDays).AddMinutes(-1),
                backdateReason = "系统停机期间电话受理",
            }
        );

        await r.ShouldBeRefusedAsync(
            HttpStatusCode.UnprocessableEntity,
            "receivedAt",
            "受理时间最多只能补录到30天前",
            "受理时间最多只能补录到{0}天前"
        );
        (await app.SnapshotAsync()).ShouldBe(before);
        var inTime = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                description = "门牌松动",
                receivedAt = T0.AddDays(-ReceivedAtRule.DefaultMaxBackdateDays),
                backdateReason = "系统停机期间电话受理",
            }
        );
        inTime.StatusCode.ShouldBe(HttpStatusCode.Created, await inTime.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_statement_period_gets_a_localised_problem()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var manager = await world.ManagerAsync();

        var r = await manager.GetAsync($"/api/v1/contracts/{world.World.ContractId}/penalties?from=yesterday");

        await r.ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "from", "“yesterday”不是有效的from", "“{0}”不是有效的{1}");
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
