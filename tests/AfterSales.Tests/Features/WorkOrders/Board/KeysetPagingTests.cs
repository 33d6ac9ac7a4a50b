using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class KeysetPagingTests
{
    [Fact]
    public async Task Following_next_page_links_visits_every_open_work_order_once_in_board_order()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        // Two pairs share a due time (received together), so the id must break the tie across pages.
        foreach (var minutes in new[] { 0, 90, 90, 30, 200, 200, 60 })
            await arrange.OpenAsync($"问题 {minutes}", ago: TimeSpan.FromMinutes(minutes));
        await arrange.OpenPausedAsync("等待客户一");
        await arrange.OpenPausedAsync("等待客户二");
        await arrange.OpenPausedAsync("等待客户三");
        var expected = await app.DbAsync(async db =>
            (await db.WorkOrders.Select(w => new { w.Id, w.NextDueUtc }).ToListAsync())
                .OrderBy(w => w.NextDueUtc is null)
                .ThenBy(w => w.NextDueUtc)
                .ThenBy(w => w.Id)
                .Select(w => w.Id)
                .ToList()
        );
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var seen = new List<long>();
        var url = "/Dispatch?size=2";
        var pages = 0;
        while (url is not null && pages++ < 20)
        {
            var page = await dispatcher.GetPageAsync(url);
            var ids = BoardArrange.RowIds(page);
            ids.Length.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(ids);
            url = page.QuerySelector("#next-page")?.GetAttribute("href")?.Replace("&amp;", "&", StringComparison.Ordinal);
        }

        seen.ShouldBe(expected);
        seen.Count.ShouldBe(10);
        pages.ShouldBe(5);
    }

    [Fact]
    public async Task A_page_key_survives_a_work_order_above_it_being_closed()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var first = await arrange.OpenAsync("问题一", ago: TimeSpan.FromMinutes(60));
        var second = await arrange.OpenAsync("问题二", ago: TimeSpan.FromMinutes(30));
        var third = await arrange.OpenAsync("问题三");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var page1 = await dispatcher.GetPageAsync("/Dispatch?size=2");
        BoardArrange.RowIds(page1).ShouldBe([first.Id, second.Id]);
        var next = page1.QuerySelector("#next-page")!.GetAttribute("href")!;

        var closed = await arrange.EventAsync(first, "remote-diagnosis", "远程解决", solved: true);
        await arrange.EventAsync(closed, "close");
        var page2 = await dispatcher.GetPageAsync(next);

        BoardArrange.RowIds(page2).ShouldBe([third.Id]);
        page2.QuerySelector("#next-page").ShouldBeNull();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("x-1")]
    [InlineData("99999999999999999999-1")]
    public async Task An_unreadable_page_key_starts_from_the_first_page(string after)
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var only = await arrange.OpenAsync("问题一");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var page = await dispatcher.GetPageAsync("/Dispatch?after=" + after);

        BoardArrange.RowIds(page).ShouldBe([only.Id]);
    }
}
