using System.Net;
using AfterSales.Features.Documents;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>DESIGN §5: a manager records the assessed losses a fault caused, with evidence documents, as a loss entry.</summary>
public sealed class LossTests
{
    internal static Task<long> AttachAsync(
        AppFactory app,
        long customerId,
        DocumentOwner owner,
        long ownerId,
        string name = "现场照片.jpg"
    ) =>
        app.DbAsync(async db =>
        {
            var d = Document.Create(
                customerId,
                owner,
                ownerId,
                DocumentKind.RepairSitePhoto,
                name,
                "image/jpeg",
                1234,
                new string('a', 63) + (char)('0' + ownerId % 10),
                false,
                null,
                null,
                "tech",
                app.Clock.GetUtcNow().UtcDateTime
            );
            db.Documents.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    [Fact]
    public async Task A_loss_with_its_evidence_becomes_an_entry_of_that_amount()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        var photo = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var manager = await world.ManagerAsync();

        var r = await manager.PostJsonAsync(
            $"/api/v1/work-orders/{id}/losses",
            new
            {
                amountFen = 1_234_550,
                assessment = "灯箱坠落砸坏客户展台，按维修报价评估",
                documentIds = new[] { photo },
                occurredAt = AppFactory.T0.AddHours(1),
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var loss = await r.ReadJsonAsync<PenaltyLine>();
        loss.Kind.ShouldBe(PenaltyKind.Loss);
        loss.AmountFen.ShouldBe(1_234_550);
        loss.Capped.ShouldBeFalse();
        loss.WorkOrderId.ShouldBe(id);
        loss.OccurredAtUtc.ShouldBe(AppFactory.T0.UtcDateTime.AddHours(1));
        loss.Description.ShouldBe("灯箱坠落砸坏客户展台，按维修报价评估");
        var evidence = loss.Evidence.Documents.ShouldHaveSingleItem();
        evidence.DocumentId.ShouldBe(photo);
        evidence.FileName.ShouldBe("现场照片.jpg");
        evidence.Sha256.Length.ShouldBe(64);
        (await world.ChainAsync())!.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Losses_are_outside_the_cap()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(
            app,
            AfterSales.Features.Contracts.ServiceTerms.TenderDefaults() with
            {
                PenaltyCapBp = 0,
            }
        );
        var id = await world.OpenAsync();
        var photo = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id);
        var manager = await world.ManagerAsync();

        var r = await manager.PostJsonAsync(
            $"/api/v1/work-orders/{id}/losses",
            new
            {
                amountFen = 500_000,
                assessment = "展台损坏",
                documentIds = new[] { photo },
            }
        );

        (await r.ReadJsonAsync<PenaltyLine>()).AmountFen.ShouldBe(500_000);
    }

    public static TheoryData<string, string, HttpStatusCode, string> Refusals =>
        new()
        {
            { "no amount", "amount-0", HttpStatusCode.UnprocessableEntity, "损失金额应大于零" },
            { "negative amount", "amount-negative", HttpStatusCode.UnprocessableEntity, "损失金额应大于零" },
            { "no assessment", "no-assessment", HttpStatusCode.BadRequest, "请填写损失评估说明" },
            { "no evidence", "no-documents", HttpStatusCode.UnprocessableEntity, "请选择证明损失的文档" },
            {
                "another work order's document",
                "other-document",
                HttpStatusCode.UnprocessableEntity,
                "证明文档须是本工单或其现场服务的文档"
            },
            {
                "a document that does not exist",
                "missing-document",
                HttpStatusCode.UnprocessableEntity,
                "证明文档须是本工单或其现场服务的文档"
            },
            { "in the future", "future", HttpStatusCode.UnprocessableEntity, "发生时间不能晚于当前时间" },
            { "before the request", "before-receipt", HttpStatusCode.UnprocessableEntity, "发生时间不能早于受理时间" },
            { "an unknown work order", "unknown", HttpStatusCode.NotFound, "" },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_loss_is_refused_with_a_clear_error_and_writes_nothing(
        string refusal,
        string how,
        HttpStatusCode expected,
        string message
    )
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        var other = await world.OpenAsync();
        var photo = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id);
        var elsewhere = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, other);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var manager = await world.ManagerAsync();
        var before = await app.SnapshotAsync();

        var r = await manager.PostJsonAsync(
            $"/api/v1/work-orders/{(how == "unknown" ? 999_999 : id)}/losses",
            new
            {
                amountFen = how switch
                {
                    "amount-0" => 0,
                    "amount-negative" => -100,
                    _ => 10_000,
                },
                assessment = how == "no-assessment" ? "" : "客户展台受损",
                documentIds = how switch
                {
                    "no-documents" => Array.Empty<long>(),
                    "other-document" => [photo, elsewhere],
                    "missing-document" => [photo, 999_999],
                    _ => [photo],
                },
                occurredAt = how switch
                {
                    "future" => AppFactory.T0.AddHours(5),
                    "before-receipt" => AppFactory.T0.AddHours(-1),
                    _ => (DateTimeOffset?)null,
                },
            }
        );

        r.StatusCode.ShouldBe(expected, refusal);
        (await r.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Technician)]
    public async Task Only_a_manager_records_a_loss(string role)
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        var photo = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id);
        var someone = await app.SignInAsync(role);
        var before = await app.SnapshotAsync();

        var r = await someone.PostJsonAsync(
            $"/api/v1/work-orders/{id}/losses",
            new
            {
                amountFen = 10_000,
                assessment = "展台受损",
                documentIds = new[] { photo },
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_work_order_without_a_contract_takes_no_loss()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var r = await world.Agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.World.CustomerId,
                channel = "Hotline",
                description = "不确定是哪块牌子",
            }
        );
        var id = (await r.ReadJsonAsync<AfterSales.Features.WorkOrders.WorkOrderOutput>()).Id;
        var photo = await AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id);
        var manager = await world.ManagerAsync();
        var before = await app.SnapshotAsync();

        var loss = await manager.PostJsonAsync(
            $"/api/v1/work-orders/{id}/losses",
            new
            {
                amountFen = 10_000,
                assessment = "展台受损",
                documentIds = new[] { photo },
            }
        );

        loss.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await loss.Content.ReadAsStringAsync()).ShouldContain("工单未关联合同");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_preventable_accident_is_charged_at_the_accident_rate_once_per_work_order()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();

        var entry = await app.DbAsync(db =>
            new PenaltyPosting(db, app.Clock, new CurrentUser(new Microsoft.AspNetCore.Http.HttpContextAccessor())).RecordAccidentAsync(
                world.World.ContractId,
                id,
                app.Clock.GetUtcNow().UtcDateTime,
                "夏季巡检漏检，广告牌松动坠落",
                null,
                CancellationToken.None
            )
        );
        var again = await Should.ThrowAsync<AfterSales.Platform.Errors.DomainException>(() =>
            app.DbAsync(db =>
                new PenaltyPosting(db, app.Clock, new CurrentUser(new Microsoft.AspNetCore.Http.HttpContextAccessor())).RecordAccidentAsync(
                    world.World.ContractId,
                    id,
                    app.Clock.GetUtcNow().UtcDateTime,
                    "再次登记",
                    null,
                    CancellationToken.None
                )
            )
        );

        entry.Kind.ShouldBe(PenaltyKind.PreventableAccident);
        entry.AmountFen.ShouldBe(PenaltyWorld.OnePercent);
        entry.RateBp.ShouldBe(100);
        again.Message.ShouldBe("该工单已登记可预防事故违约金");
        (await world.EntriesAsync(id)).Count.ShouldBe(1);
    }
}
