using System.Net;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class DispatchBoardTests
{
    [Fact]
    public async Task The_board_puts_the_breached_work_order_first_then_the_nearest_due_and_the_paused_one_last_with_their_colours()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var running = await arrange.OpenAsync("门牌松动");
        var paused = await arrange.OpenPausedAsync("荣誉墙脱落");
        var dueSoon = await arrange.OpenAsync("灯箱不亮", ago: TimeSpan.FromMinutes(210));
        var breached = await arrange.OpenAsync("广告牌倾斜", ago: TimeSpan.FromHours(5));
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var page = await dispatcher.GetPageAsync("/Dispatch");

        BoardArrange.RowIds(page).ShouldBe([breached.Id, dueSoon.Id, running.Id, paused.Id]);
        string Light(long id) => page.QuerySelector($".board-row[data-id='{id}']")!.GetAttribute("data-light")!;
        string Class(long id) => page.QuerySelector($".board-row[data-id='{id}']")!.ClassName!;
        Light(breached.Id).ShouldBe(nameof(ClockState.Breached));
        Class(breached.Id).ShouldContain("list-group-item-danger");
        Light(dueSoon.Id).ShouldBe(nameof(ClockState.DueSoon));
        Class(dueSoon.Id).ShouldContain("list-group-item-warning");
        Light(running.Id).ShouldBe(nameof(ClockState.Running));
        Class(running.Id).ShouldNotContain("list-group-item-");
        Light(paused.Id).ShouldBe(nameof(ClockState.Paused));
        Class(paused.Id).ShouldContain("list-group-item-secondary");
        string Due(long id) => page.QuerySelector($".board-row[data-id='{id}'] .wo-due")!.TextContent;
        Due(breached.Id).ShouldContain("2026-11-25 09:00"); // due 4 h after receipt, in Beijing time
        Due(breached.Id).ShouldContain("超时 1 小时 0 分");
        Due(dueSoon.Id).ShouldContain("剩 30 分");
        Due(running.Id).ShouldContain("剩 4 小时 0 分");
        page.QuerySelector($".board-row[data-id='{breached.Id}'] a.wo-number")!.GetAttribute("href").ShouldBe($"/WorkOrders/{breached.Id}");
    }

    [Fact]
    public async Task Closed_work_orders_are_not_on_the_board()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var open = await arrange.OpenAsync("门牌松动");
        var closed = await arrange.EventAsync(await arrange.OpenAsync("灯箱不亮"), "remote-diagnosis", "远程重启后恢复", solved: true);
        closed = await arrange.EventAsync(closed, "close");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var page = await dispatcher.GetPageAsync("/Dispatch");

        BoardArrange.RowIds(page).ShouldBe([open.Id]);
    }

    [Fact]
    public async Task Filters_narrow_the_board_by_customer_status_technician_channel_and_major()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var tech = await app.CreateUserAsync("tech-wang", Roles.Technician);
        var other = await arrange.SecondCustomerIdAsync();
        var hotline = await arrange.OpenAsync("门牌松动");
        var email = await arrange.OpenAsync("灯箱不亮", channel: "Email");
        var major = await arrange.OpenAsync("广告牌倾斜", major: true);
        var elsewhere = await arrange.OpenAsync("指示牌褪色", customerId: other);
        var dispatched = await arrange.EventAsync(await arrange.OpenAsync("旗杆松动"), "dispatch", technicianId: tech.Id);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        async Task<long[]> Ids(string query) => BoardArrange.RowIds(await dispatcher.GetPageAsync("/Dispatch?" + query));

        (await Ids($"customer={other}")).ShouldBe([elsewhere.Id]);
        (await Ids("status=Dispatched")).ShouldBe([dispatched.Id]);
        (await Ids($"technician={tech.Id}")).ShouldBe([dispatched.Id]);
        (await Ids("technician=none")).ShouldBe([hotline.Id, email.Id, major.Id, elsewhere.Id], ignoreOrder: true);
        (await Ids("channel=Email")).ShouldBe([email.Id]);
        (await Ids("major=true")).ShouldBe([major.Id]);
        (await Ids("channel=Hotline&major=true")).ShouldBe([major.Id]);
    }

    [Fact]
    public async Task Search_finds_a_work_order_by_a_chinese_substring_of_its_description_or_customer_or_by_its_number()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var other = await arrange.SecondCustomerIdAsync();
        var lightBox = await arrange.OpenAsync("三楼走廊的灯箱闪烁不停");
        var sign = await arrange.OpenAsync("门诊楼指示牌脱落", customerId: other);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        async Task<long[]> Ids(string q) => BoardArrange.RowIds(await dispatcher.GetPageAsync("/Dispatch?q=" + Uri.EscapeDataString(q)));

        (await Ids("闪烁")).ShouldBe([lightBox.Id]);
        (await Ids("人民医院")).ShouldBe([sign.Id]);
        (await Ids(sign.Number[^4..])).ShouldBe([sign.Id]);
        (await Ids("gd-20261125-0001")).ShouldBe([lightBox.Id]);
        (await Ids("不存在的内容")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_htmx_request_gets_the_rows_alone()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        await arrange.OpenAsync("门牌松动");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        dispatcher.DefaultRequestHeaders.Add("HX-Request", "true");

        var html = await (await dispatcher.GetAsync("/Dispatch?q=门牌")).Content.ReadAsStringAsync();

        html.ShouldContain("board-row");
        html.ShouldNotContain("<html");
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Customer)]
    public async Task A_technician_only_user_or_a_customer_user_cannot_open_the_board(string role)
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        await arrange.OpenAsync("门牌松动");
        var client = await app.SignInAsync(role, role == Roles.Customer ? arrange.World.CustomerId : null);

        var response = await client.GetAsync("/Dispatch");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await client.GetAsync("/Dispatch/Assign/1")).Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Theory]
    [InlineData(Roles.Dispatcher)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    public async Task Desk_staff_see_the_board_in_their_menu(string role)
    {
        await using var app = new AppFactory();
        var client = await app.SignInAsync(role);

        var page = await client.GetPageAsync("/Dispatch");

        page.QuerySelector("#nav-dispatch").ShouldNotBeNull();
        page.QuerySelector("#board-search").ShouldNotBeNull();
    }
}
