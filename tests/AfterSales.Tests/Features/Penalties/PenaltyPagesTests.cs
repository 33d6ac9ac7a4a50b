using System.Net;
using AfterSales.Features.Documents;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>The work order's penalties on its detail page, and the manager's forms to record a loss and to waive an entry.</summary>
public sealed class PenaltyPagesTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    static async Task<(PenaltyWorld World, long WorkOrderId)> LateAsync(AppFactory app)
    {
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        app.Clock.SetUtcNow(T0.AddHours(48 + 25));
        await world.AccrueAsync();
        return (world, id);
    }

    [Fact]
    public async Task The_work_order_page_lists_its_entries_and_offers_a_manager_the_loss_and_waiver_forms()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await manager.GetPageAsync($"/WorkOrders/{id}");
        var seen = await agent.GetPageAsync($"/WorkOrders/{id}");

        page.QuerySelectorAll("#penalties .penalty-entry")
            .Select(r => r.GetAttribute("data-kind"))
            .ShouldBe(["MissedResponse", "LateRestoration", "LateRestoration"]);
        page.QuerySelectorAll("#penalties .penalty-entry")[2].TextContent.ShouldContain("逾期恢复第2天");
        page.QuerySelectorAll("#penalties .penalty-entry")[2].TextContent.ShouldContain("2026-11-28 10:00");
        page.Text("#penalty-net").ShouldBe("¥3,000.00");
        page.QuerySelector("#record-loss").ShouldNotBeNull();
        page.QuerySelectorAll("#penalties .waive-entry").Length.ShouldBe(3);
        seen.QuerySelectorAll("#penalties .penalty-entry").Length.ShouldBe(3);
        seen.QuerySelector("#record-loss").ShouldBeNull();
        seen.QuerySelector("#penalties .waive-entry").ShouldBeNull();
        var refused = await agent.GetAsync($"/Penalties/Loss/{id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task A_manager_records_a_loss_through_the_form()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var photo = await LossTests.AttachAsync(app, world.World.CustomerId, DocumentOwner.WorkOrder, id, "展台.jpg");
        var manager = await world.ManagerAsync();
        var form = await manager.GetPageAsync($"/Penalties/Loss/{id}");
        form.QuerySelector($"#doc-{photo}").ShouldNotBeNull();

        var r = await manager.PostFormAsync(
            $"/Penalties/Loss/{id}",
            new()
            {
                ["Input.Amount"] = "1,234.50",
                ["Input.Assessment"] = "灯箱坠落砸坏展台",
                ["Input.DocumentIds"] = photo.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.OccurredAt"] = "2026-11-27T09:30",
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r.Headers.Location!.ToString().ShouldBe($"/WorkOrders/{id}#penalties");
        var loss = (await world.EntriesAsync(id)).Single(e => e.Kind == PenaltyKind.Loss);
        loss.AmountFen.ShouldBe(123_450);
        loss.OccurredAtUtc.ShouldBe(new DateTime(2026, 11, 27, 1, 30, 0, DateTimeKind.Utc));
        loss.Documents.ShouldHaveSingleItem().DocumentId.ShouldBe(photo);
        var page = await manager.GetPageAsync($"/WorkOrders/{id}");
        page.QuerySelector("#penalties .penalty-document")!.TextContent.ShouldBe("展台.jpg");
    }

    [Fact]
    public async Task A_loss_form_without_evidence_is_shown_again_with_the_error_and_nothing_is_written()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        var before = await app.SnapshotAsync();

        var r = await manager.PostFormAsync($"/Penalties/Loss/{id}", new() { ["Input.Amount"] = "100", ["Input.Assessment"] = "展台受损" });
        var bad = await manager.PostFormAsync(
            $"/Penalties/Loss/{id}",
            new() { ["Input.Amount"] = "12.345", ["Input.Assessment"] = "展台受损" }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("#loss-errors").ShouldContain("请选择证明损失的文档");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).Text("#loss-errors").ShouldContain("请填写有效的金额");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_manager_waives_an_entry_from_the_work_order_page()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var entry = (await world.EntriesAsync(id)).Last();
        var manager = await world.ManagerAsync();

        var r = await manager.PostFormAsync(
            $"/Penalties/Waive/{entry.Id}",
            new() { ["Input.Reason"] = "客户拒绝进场", ["WorkOrderId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/Penalties/Waive/{entry.Id}?workOrderId={id}"
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await manager.GetPageAsync($"/WorkOrders/{id}");
        page.QuerySelector($"#penalties .penalty-entry[data-id='{entry.Id}'] .penalty-cancelled").ShouldNotBeNull();
        page.QuerySelector($"#penalties .penalty-entry[data-id='{entry.Id}'] .waive-entry").ShouldBeNull();
        page.QuerySelectorAll("#penalties .penalty-entry[data-kind=Waiver]").Length.ShouldBe(1);
        page.Text("#penalty-net").ShouldBe("¥2,000.00");
    }

    [Fact]
    public async Task Waiving_through_another_work_orders_page_is_refused_and_writes_nothing()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var other = await world.OpenAsync();
        var entry = (await world.EntriesAsync(id)).Last();
        var manager = await world.ManagerAsync();
        var before = await app.SnapshotAsync();

        var r = await manager.PostFormAsync(
            $"/Penalties/Waive/{entry.Id}",
            new()
            {
                ["Input.Reason"] = "客户拒绝进场",
                ["WorkOrderId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            $"/Penalties/Waive/{entry.Id}?workOrderId={other}"
        );
        var empty = await manager.PostFormAsync(
            $"/Penalties/Waive/{entry.Id}",
            new() { ["Input.Reason"] = "", ["WorkOrderId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/Penalties/Waive/{entry.Id}?workOrderId={id}"
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("#waive-errors").ShouldContain("该违约金记录不属于此工单");
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await empty.ParseAsync()).Text("#waive-errors").ShouldContain("请填写核销原因");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_pages_speak_english_too()
    {
        await using var app = new AppFactory();
        var (world, id) = await LateAsync(app);
        var manager = await world.ManagerAsync();
        await manager.PostFormAsync("/Account/Language", new() { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/");

        var page = await manager.GetPageAsync($"/WorkOrders/{id}");
        var loss = await manager.GetPageAsync($"/Penalties/Loss/{id}");

        page.Text("#penalties .card-header").ShouldContain("Penalties");
        page.QuerySelectorAll("#penalties .penalty-entry")[2].TextContent.ShouldContain("Late restoration, day 2");
        loss.Text("h1").ShouldContain("Record a loss");
    }
}
