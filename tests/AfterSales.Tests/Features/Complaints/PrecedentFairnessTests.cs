using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Closed cases become precedents at once; a remedy far from them needs a written justification.</summary>
public sealed class PrecedentFairnessTests
{
    static async Task<long> ClosedCaseAsync(
        ComplaintArrange world,
        HttpClient manager,
        string text,
        ComplaintCategory category,
        string amount,
        long customerId
    )
    {
        var id = await world.FileAsync(text, category, customerId: customerId);
        await world.ReadyToCloseAsync(manager, id, RemedyKind.Compensation, amount);
        await OkAsync(ActAsync(manager, id, "Close", Responsibility(penalty: "None")));
        return id;
    }

    [Fact]
    public async Task The_handling_page_shows_similar_closed_cases_same_category_first()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        var lamp = await ClosedCaseAsync(
            world,
            manager,
            "灯箱不亮，报修后三天无人上门",
            ComplaintCategory.ResponseTime,
            "300",
            world.OtherCustomerId
        );
        var rude = await ClosedCaseAsync(
            world,
            manager,
            "维修人员态度恶劣，大声喊叫",
            ComplaintCategory.StaffAttitude,
            "100",
            world.OtherCustomerId
        );
        var sign = await ClosedCaseAsync(
            world,
            manager,
            "门牌字迹模糊，灯箱不亮",
            ComplaintCategory.ServiceResult,
            "200",
            world.OtherCustomerId
        );
        var open = await world.FileAsync("报修灯箱不亮，两天都没有人上门", ComplaintCategory.ResponseTime);

        var page = await manager.GetPageAsync($"/Complaints/{open}");

        var shown = page.QuerySelectorAll("#precedents .precedent")
            .Select(p => long.Parse(p.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        // Every case shares the customer's wish (要求道歉并给予补偿), so all are shown; the ones about a dark light box first.
        shown.ShouldBe([lamp, sign, rude]);
        page.Text("#comparable-range").ShouldContain("¥300.00");
    }

    [Fact]
    public async Task A_compensation_far_above_its_precedents_needs_a_justification_and_one_in_range_does_not()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        await ClosedCaseAsync(world, manager, "灯箱不亮，报修后三天无人上门", ComplaintCategory.ResponseTime, "300", world.OtherCustomerId);
        var id = await world.FileAsync("报修灯箱不亮，两天都没有人上门", ComplaintCategory.ResponseTime);
        var before = await app.SnapshotAsync();

        var refused = await ActAsync(manager, id, "Remedy", new() { ["Kind"] = "Compensation", ["Amount"] = "3000" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ErrorsAsync(refused)).ShouldContain("补救措施与先例不一致（金额高于先例范围），请写明理由");
        (await app.SnapshotAsync()).ShouldBe(before);

        await OkAsync(ActAsync(manager, id, "Remedy", new() { ["Kind"] = "Compensation", ["Amount"] = "320" }));
        (await world.FindAsync(id)).FairnessJustification.ShouldBeNull();

        await OkAsync(
            ActAsync(
                manager,
                id,
                "Remedy",
                new()
                {
                    ["Kind"] = "Compensation",
                    ["Amount"] = "3000",
                    ["Justification"] = "客户展台因灯箱故障停业两天，损失更大",
                }
            )
        );
        var c = await world.FindAsync(id);
        (c.RemedyAmountFen, c.FairnessJustification).ShouldBe((300_000L, "客户展台因灯箱故障停业两天，损失更大"));
    }

    [Fact]
    public async Task The_remedies_report_puts_customers_side_by_side_by_category()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        await ClosedCaseAsync(world, manager, "灯箱不亮无人上门", ComplaintCategory.ResponseTime, "300", world.OtherCustomerId);
        var id = await world.FileAsync("灯箱不亮无人上门", ComplaintCategory.ResponseTime);
        await world.ReadyToCloseAsync(manager, id, RemedyKind.Compensation, "3000", "停业损失更大");
        await OkAsync(ActAsync(manager, id, "Close", Responsibility(penalty: "None")));

        var report = await manager.GetPageAsync("/Complaints/Remedies");

        var lines = report.QuerySelectorAll(".remedy-category[data-category='ResponseTime'] .remedy-line");
        lines.Length.ShouldBe(2);
        lines.Select(l => l.QuerySelector(".amount-range")!.TextContent).Order().ShouldBe(["¥3,000.00 – ¥3,000.00", "¥300.00 – ¥300.00"]);
    }
}
