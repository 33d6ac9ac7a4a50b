using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class NextDueTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    static Task<DateTime?> NextDue(AppFactory app, long id) =>
        app.DbAsync(db => db.WorkOrders.Where(w => w.Id == id).Select(w => w.NextDueUtc).SingleAsync());

    [Fact]
    public async Task Meeting_the_response_moves_the_next_due_time_to_the_restore_deadline_and_restoring_clears_it()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);

        var w = await arrange.OpenAsync("广告牌倾斜");
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(4)); // response, 4 h

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        w = await arrange.EventAsync(w, "respond", "已回电");
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(48)); // restore, 48 h

        app.Clock.Advance(TimeSpan.FromHours(1));
        await arrange.EventAsync(w, "restore", "远程指导后恢复");
        (await NextDue(app, w.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_pause_resume_close_and_reopen_keep_the_next_due_time_right()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var tech = await app.CreateUserAsync("tech-wang", Roles.Technician);
        var w = await arrange.EventAsync(await arrange.OpenAsync("广告牌倾斜"), "respond", "已回电");

        w = await arrange.EventAsync(w, "dispatch", technicianId: tech.Id);
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(24)); // on-site runs from receipt, 24 h

        app.Clock.Advance(TimeSpan.FromHours(2));
        w = await arrange.EventAsync(w, "arrive");
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(48));

        w = await arrange.EventAsync(w, "pause", "等待客户确认更换方案");
        (await NextDue(app, w.Id)).ShouldBeNull(); // the only open clock stands still

        app.Clock.Advance(TimeSpan.FromHours(3));
        w = await arrange.EventAsync(w, "resume");
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(51)); // pushed back by the 3 h pause

        w = await arrange.EventAsync(w, "restore", "更换灯管");
        w = await arrange.EventAsync(w, "close");
        (await NextDue(app, w.Id)).ShouldBeNull();
        w = await arrange.EventAsync(w, "reopen", "客户反映再次故障");
        (await NextDue(app, w.Id)).ShouldBeNull(); // reopening keeps the clocks as they were: all met
    }

    [Fact]
    public async Task A_major_work_order_is_next_due_on_its_expert_clock()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);

        var w = await arrange.OpenAsync("广告牌倒塌", major: true, ago: TimeSpan.FromHours(1));

        // Expert and response both run 4 h from receipt.
        (await NextDue(app, w.Id)).ShouldBe(T0.AddHours(3));
    }
}
