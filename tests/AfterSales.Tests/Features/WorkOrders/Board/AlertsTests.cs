using System.Net;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class AlertsTests
{
    static Task<string> UserIdAsync(AppFactory app, string userName) =>
        app.DbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    static async Task<long[]> AlertIds(HttpClient client) =>
        [
            .. (await client.GetPageAsync("/Alerts"))
                .QuerySelectorAll(".alert-row")
                .Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)),
        ];

    [Fact]
    public async Task A_dispatcher_sees_their_own_and_the_desks_unread_alerts_newest_first_and_a_technician_only_their_own()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher, userName: "disp-zhou");
        var tech = await app.SignInAsync(Roles.Technician, userName: "tech-wang");
        var dispatcherId = await UserIdAsync(app, "disp-zhou");
        var techId = await UserIdAsync(app, "tech-wang");
        var t0 = app.Clock.GetUtcNow().UtcDateTime;
        var ids = await app.DbAsync(async db =>
        {
            var alerts = new[]
            {
                Alert.For(w.Id, ClockKind.Response, AlertType.DueSoon, null, t0),
                Alert.For(w.Id, ClockKind.Response, AlertType.Breached, dispatcherId, t0.AddMinutes(5)),
                Alert.For(w.Id, ClockKind.Response, AlertType.Breached, techId, t0.AddMinutes(6)),
                Alert.For(w.Id, ClockKind.Response, AlertType.Breached, null, t0.AddMinutes(7)),
            };
            db.Alerts.AddRange(alerts);
            await db.SaveChangesAsync();
            return alerts.Select(a => a.Id).ToArray();
        });

        (await AlertIds(dispatcher)).ShouldBe([ids[3], ids[1], ids[0]]);
        (await AlertIds(tech)).ShouldBe([ids[2]]);
        var page = await dispatcher.GetPageAsync("/Alerts");
        page.Text("#alert-badge").ShouldBe("3");
        page.QuerySelector($".alert-row[data-id='{ids[1]}']")!.TextContent.ShouldContain(w.Number);
        page.QuerySelector($".alert-row[data-id='{ids[1]}']")!.TextContent.ShouldContain("时限已超");
        (await tech.GetPageAsync("/Alerts")).Text("#alert-badge").ShouldBe("1");
    }

    [Fact]
    public async Task Marking_one_alert_and_then_all_as_read_empties_my_list_but_leaves_others_alerts_unread()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher, userName: "disp-zhou");
        var dispatcherId = await UserIdAsync(app, "disp-zhou");
        var t0 = app.Clock.GetUtcNow().UtcDateTime;
        var ids = await app.DbAsync(async db =>
        {
            var alerts = new[]
            {
                Alert.For(w.Id, ClockKind.Response, AlertType.DueSoon, dispatcherId, t0),
                Alert.For(w.Id, ClockKind.Restore, AlertType.DueSoon, dispatcherId, t0),
                Alert.For(w.Id, ClockKind.Response, AlertType.Breached, null, t0),
                Alert.For(w.Id, ClockKind.Response, AlertType.Breached, "someone-else", t0),
            };
            db.Alerts.AddRange(alerts);
            await db.SaveChangesAsync();
            return alerts.Select(a => a.Id).ToArray();
        });

        var one = await dispatcher.PostFormAsync($"/Alerts?handler=Read&id={ids[0]}", [], formPage: "/Alerts");
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AlertIds(dispatcher)).ShouldBe([ids[2], ids[1]], ignoreOrder: true);

        var someoneElses = await dispatcher.PostFormAsync($"/Alerts?handler=Read&id={ids[3]}", [], formPage: "/Alerts");
        someoneElses.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var all = await dispatcher.PostFormAsync("/Alerts?handler=ReadAll", [], formPage: "/Alerts");
        all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await dispatcher.GetPageAsync("/Alerts");
        page.QuerySelector("#no-alerts").ShouldNotBeNull();
        page.QuerySelector("#alert-badge").ShouldBeNull();
        var readAt = await app.DbAsync(db => db.Alerts.OrderBy(a => a.Id).Select(a => a.ReadAtUtc).ToListAsync());
        readAt.Take(3).ShouldAllBe(r => r == t0);
        readAt[3].ShouldBeNull();
    }

    [Fact]
    public async Task The_same_alert_for_the_same_recipient_is_stored_once_even_for_the_whole_desk()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var t0 = app.Clock.GetUtcNow().UtcDateTime;
        await app.DbAsync(async db =>
        {
            db.Alerts.Add(Alert.For(w.Id, ClockKind.Response, AlertType.Breached, null, t0));
            await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(() =>
            app.DbAsync(async db =>
            {
                db.Alerts.Add(Alert.For(w.Id, ClockKind.Response, AlertType.Breached, null, t0));
                await db.SaveChangesAsync();
            })
        );
        (await app.DbAsync(db => db.Alerts.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_customer_user_cannot_open_the_alerts()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, arrange.World.CustomerId);

        var response = await customer.GetAsync("/Alerts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }
}
