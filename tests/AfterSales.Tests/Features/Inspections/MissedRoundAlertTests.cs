using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Inspections;

public sealed class MissedRoundAlertTests
{
    static readonly DateTimeOffset AfterWinter = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_missed_round_alerts_the_desk_and_its_technician_once_linking_to_the_round_in_chinese_and_english()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        app.Clock.SetUtcNow(AfterWinter);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(2);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);

        var alerts = await app.DbAsync(db => db.Alerts.Where(x => x.Type == AlertType.RoundMissed).ToListAsync());
        // Both rounds reach the desk; only the scheduled one has a technician to tell.
        alerts.Count(x => x.RecipientKey == Alert.DispatchDesk).ShouldBe(2);
        alerts.Where(x => x.RecipientUserId == a.TechnicianId).Select(x => x.InspectionRoundId).ShouldBe([a.RoundId]);
        alerts.ShouldAllBe(x => x.WorkOrderId == null && x.Kind == null);

        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var inbox = await dispatcher.GetPageAsync("/Alerts");
        inbox.QuerySelectorAll(".alert-row").Length.ShouldBe(2);
        var row = inbox.QuerySelectorAll(".alert-row").Single(r => r.QuerySelector($"a[href='/Inspections/{a.RoundId}']") is not null);
        row.ClassList.ShouldContain("list-group-item-danger");
        row.TextContent.ShouldContain("2026年冬季巡检");
        row.TextContent.ShouldContain("巡检已错过");
        inbox.Text("#alert-badge").ShouldBe("2");

        // The arrangement's sign-in expired over the winter: the technician signs in again.
        var technician = app.Anonymous();
        var name = await app.DbAsync(db => db.Users.Where(u => u.Id == a.TechnicianId).Select(u => u.UserName!).SingleAsync());
        (
            await technician.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = name, ["Input.Password"] = AppFactory.Password })
        ).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        technician.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var mine = await technician.GetPageAsync("/Alerts");
        mine.QuerySelectorAll(".alert-row").Length.ShouldBe(1);
        mine.QuerySelector($".alert-row a[href='/Inspections/{a.RoundId}']").ShouldNotBeNull();

        // Pages follow the language the user chose (a cookie), not the browser's Accept-Language.
        (
            await dispatcher.PostFormAsync(
                "/Account/Language",
                new() { ["culture"] = "en", ["returnUrl"] = "/Alerts" },
                formPage: "/Alerts"
            )
        ).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var english = await dispatcher.GetPageAsync("/Alerts");
        var text = english.QuerySelector($".alert-row a[href='/Inspections/{a.RoundId}']")!.ParentElement!.TextContent;
        text.ShouldContain("Winter 2026 inspection round");
        text.ShouldContain("Inspection round missed");
        text.ShouldNotContain("巡检");
    }

    [Fact]
    public async Task Two_instances_detecting_at_once_write_each_missed_round_and_its_alerts_once()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        app.Clock.SetUtcNow(AfterWinter);

        // Two scopes are two DbContexts on their own connections, as two application instances would be.
        using var one = app.Services.CreateScope();
        using var two = app.Services.CreateScope();
        var counts = await Task.WhenAll(
            Task.Run(() => one.ServiceProvider.GetRequiredService<InspectionPlanning>().DetectMissedAsync(CancellationToken.None)),
            Task.Run(() => two.ServiceProvider.GetRequiredService<InspectionPlanning>().DetectMissedAsync(CancellationToken.None))
        );

        counts.Sum().ShouldBe(2);
        (await app.DbAsync(db => db.InspectionRounds.CountAsync(r => r.Status == RoundStatus.Missed))).ShouldBe(2);
        var alerts = await app.DbAsync(db => db.Alerts.Where(x => x.Type == AlertType.RoundMissed).ToListAsync());
        alerts.Count.ShouldBe(3);
        alerts.Count(x => x.InspectionRoundId == a.RoundId).ShouldBe(2);
        alerts.Count(x => x.InspectionRoundId == a.OtherRoundId).ShouldBe(1);
    }
}
