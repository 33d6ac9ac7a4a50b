using System.Net;
using AfterSales.Features.Inspections;
using AfterSales.Features.Inspections.Rules;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// 巡检窗口 per contract: agreed through the API or the contract's page, audited, validated, and
/// followed by the planner; a contract without its own windows keeps the tender's defaults.
/// </summary>
public sealed class InspectionWindowsTests
{
    static object Windows(int fm, int fd, int um, int ud) =>
        new
        {
            summer = new
            {
                fromMonth = 6,
                fromDay = 15,
                untilMonth = 9,
                untilDay = 15,
            },
            winter = new
            {
                fromMonth = fm,
                fromDay = fd,
                untilMonth = um,
                untilDay = ud,
            },
        };

    [Fact]
    public async Task Windows_agreed_through_the_api_are_audited_and_the_planner_follows_them()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        var url = $"/api/v1/contracts/{world.ContractId}/inspection-windows";
        var defaults = await (await manager.GetAsync(url)).ReadJsonAsync<InspectionWindowsOutput>();
        (defaults.Agreed, defaults.Summer, defaults.Winter).ShouldBe((false, SeasonWindow.SummerDefault, SeasonWindow.WinterDefault));

        // Winter from 20 November to 31 January, across the year end.
        var put = await manager.PutJsonAsync(url, Windows(11, 20, 1, 31));

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var agreed = await (await manager.GetAsync(url)).ReadJsonAsync<InspectionWindowsOutput>();
        (agreed.Agreed, agreed.Summer, agreed.Winter).ShouldBe((true, new SeasonWindow(6, 15, 9, 15), new SeasonWindow(11, 20, 1, 31)));
        (await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(InspectionWindows)))).ShouldBe(1);

        (await InspectionArrange.PlanAsync(app)).ShouldBe(2);
        var rounds = await app.DbAsync(db => db.InspectionRounds.AsNoTracking().OrderBy(r => r.CustomerId).ToListAsync());
        (rounds[0].CustomerId, rounds[0].Season, rounds[0].WindowFrom, rounds[0].WindowUntil).ShouldBe(
            (world.CustomerId, Season.Winter, new DateOnly(2026, 11, 20), new DateOnly(2027, 1, 31))
        );
        // Midnight after 31 January in Shanghai.
        rounds[0].DueAtUtc.ShouldBe(new DateTime(2027, 1, 31, 16, 0, 0, DateTimeKind.Utc));
        (rounds[1].WindowFrom, rounds[1].WindowUntil).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28)));
    }

    public static TheoryData<string, int, int, int, int, string> BadWindows =>
        new()
        {
            { "no such day", 2, 30, 3, 31, "开始日期无效" },
            { "no such end", 12, 1, 2, 31, "结束日期无效" },
            { "one day", 12, 1, 12, 1, "巡检窗口至少两天" },
            { "longer than half a year", 10, 1, 5, 31, "巡检窗口不能超过半年" },
        };

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task A_window_that_is_not_one_is_refused_and_changes_nothing(string what, int fm, int fd, int um, int ud, string message)
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        var url = $"/api/v1/contracts/{world.ContractId}/inspection-windows";
        (await manager.PutJsonAsync(url, Windows(11, 20, 1, 31))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await app.SnapshotAsync();

        var refused = await manager.PutJsonAsync(url, Windows(fm, fd, um, ud));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, what);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
        (await (await manager.GetAsync(url)).ReadJsonAsync<InspectionWindowsOutput>()).Winter.ShouldBe(new SeasonWindow(11, 20, 1, 31));
    }

    [Fact]
    public async Task A_missing_season_is_refused_customers_may_not_change_windows_or_see_anothers()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var manager = await app.SignInAsync(Roles.Manager);
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        var url = $"/api/v1/contracts/{world.ContractId}/inspection-windows";
        var otherContract = await app.DbAsync(db =>
            db.Contracts.Where(c => c.CustomerId != world.CustomerId).Select(c => c.Id).FirstAsync()
        );
        var before = await app.SnapshotAsync();

        var missing = await manager.PutJsonAsync(
            url,
            new
            {
                summer = new
                {
                    fromMonth = 6,
                    fromDay = 1,
                    untilMonth = 8,
                    untilDay = 31,
                },
            }
        );
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("冬季巡检窗口");
        (await customer.PutJsonAsync(url, Windows(11, 20, 1, 31))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync($"/api/v1/contracts/{otherContract}/inspection-windows")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PutJsonAsync("/api/v1/contracts/999999/inspection-windows", Windows(11, 20, 1, 31))).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Staff_edit_the_windows_on_the_contract_page()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var contract = await dispatcher.GetPageAsync($"/Contracts/{world.ContractId}");
        var link = contract.QuerySelector("#inspection-windows")!.GetAttribute("href")!;
        var page = await dispatcher.GetPageAsync(link);
        page.QuerySelector("#windows-state")!.GetAttribute("data-agreed").ShouldBe("false");
        static Dictionary<string, string> Fields(string winterFromDay) =>
            new()
            {
                ["windowsInput.Summer.FromMonth"] = "6",
                ["windowsInput.Summer.FromDay"] = "1",
                ["windowsInput.Summer.UntilMonth"] = "8",
                ["windowsInput.Summer.UntilDay"] = "31",
                ["windowsInput.Winter.FromMonth"] = "12",
                ["windowsInput.Winter.FromDay"] = winterFromDay,
                ["windowsInput.Winter.UntilMonth"] = "3",
                ["windowsInput.Winter.UntilDay"] = "15",
            };
        var before = await app.SnapshotAsync();

        var refused = await dispatcher.PostFormAsync(link, Fields("32"));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).QuerySelector("#errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await app.SnapshotAsync()).ShouldBe(before);

        var saved = await dispatcher.PostFormAsync(link, Fields("10"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await app.DbAsync(db => db.InspectionWindows.AsNoTracking().SingleAsync(w => w.ContractId == world.ContractId))).Winter.ShouldBe(
            new SeasonWindow(12, 10, 3, 15)
        );
        (await dispatcher.GetPageAsync(link)).QuerySelector("#windows-state")!.GetAttribute("data-agreed").ShouldBe("true");
    }
}
