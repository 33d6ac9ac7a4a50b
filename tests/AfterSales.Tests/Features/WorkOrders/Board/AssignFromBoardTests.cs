using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class AssignFromBoardTests
{
    static Task<WorkOrder> Load(AppFactory app, long id) =>
        app.DbAsync(db => db.WorkOrders.Include(w => w.Events).Include(w => w.Clocks).AsNoTracking().SingleAsync(w => w.Id == id));

    [Fact]
    public async Task A_dispatcher_dispatches_an_unassigned_work_order_then_reassigns_it_with_a_reason()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var wang = await app.CreateUserAsync("wang", Roles.Technician);
        var li = await app.CreateUserAsync("li", Roles.Technician);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var board = await dispatcher.GetPageAsync("/Dispatch");
        board.QuerySelector($".board-row[data-id='{w.Id}'] .assign a")!.TextContent.Trim().ShouldBe("派单");
        var form = await dispatcher.GetPageAsync($"/Dispatch/Assign/{w.Id}");
        form.QuerySelectorAll("select[name='Input.TechnicianId'] option").Select(o => o.TextContent).ShouldBe(["请选择", "li", "wang"]);

        var dispatched = await dispatcher.PostFormAsync(
            $"/Dispatch/Assign/{w.Id}?returnUrl=%2FDispatch%3Fq%3D%E5%B9%BF%E5%91%8A",
            new() { ["Input.TechnicianId"] = wang.Id, ["Input.Version"] = w.Version.ToString() }
        );

        dispatched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        dispatched.Headers.Location!.ToString().ShouldBe("/Dispatch?q=广告");
        var after = await Load(app, w.Id);
        (after.TechnicianId, after.Status).ShouldBe((wang.Id, WorkOrderStatus.Dispatched));
        after.ClockOf(AfterSales.Features.WorkOrders.Clocks.ClockKind.OnSite).ShouldNotBeNull();

        var reassigned = await dispatcher.PostFormAsync(
            $"/Dispatch/Assign/{w.Id}",
            new()
            {
                ["Input.TechnicianId"] = li.Id,
                ["Input.Reason"] = "王工在外地",
                ["Input.Version"] = after.Version.ToString(),
            }
        );

        reassigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var last = await Load(app, w.Id);
        last.TechnicianId.ShouldBe(li.Id);
        last.Events.ShouldContain(e => e.Type == WorkOrderEventType.Reassigned && e.Note!.Contains("王工在外地"));
        (await dispatcher.GetPageAsync("/Dispatch"))
            .QuerySelector($".board-row[data-id='{w.Id}'] .wo-technician")!
            .TextContent.Trim()
            .ShouldBe("li");
    }

    [Fact]
    public async Task A_reassignment_without_a_reason_is_refused_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var wang = await app.CreateUserAsync("wang", Roles.Technician);
        var li = await app.CreateUserAsync("li", Roles.Technician);
        var w = await arrange.EventAsync(await arrange.OpenAsync("广告牌倾斜"), "dispatch", technicianId: wang.Id);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();

        var r = await dispatcher.PostFormAsync(
            $"/Dispatch/Assign/{w.Id}",
            new() { ["Input.TechnicianId"] = li.Id, ["Input.Version"] = w.Version.ToString() }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请说明改派原因");
        (await app.SnapshotAsync()).ShouldBe(before);
        var after = await Load(app, w.Id);
        (after.TechnicianId, after.Version).ShouldBe((wang.Id, w.Version));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_clear_message_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var wang = await app.CreateUserAsync("wang", Roles.Technician);
        var li = await app.CreateUserAsync("li", Roles.Technician);
        var seen = await arrange.OpenAsync("广告牌倾斜");
        var current = await arrange.EventAsync(seen, "dispatch", technicianId: wang.Id); // someone else dispatched meanwhile
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();

        var r = await dispatcher.PostFormAsync(
            $"/Dispatch/Assign/{seen.Id}",
            new()
            {
                ["Input.TechnicianId"] = li.Id,
                ["Input.Reason"] = "就近安排",
                ["Input.Version"] = seen.Version.ToString(),
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("工单已被他人更新");
        (await app.SnapshotAsync()).ShouldBe(before);
        var after = await Load(app, seen.Id);
        (after.TechnicianId, after.Version).ShouldBe((wang.Id, current.Version));
    }

    [Fact]
    public async Task Choosing_no_technician_or_a_user_who_is_not_a_technician_is_refused()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var agent = await app.CreateUserAsync("agent-zhao", Roles.Agent);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();

        var none = await dispatcher.PostFormAsync($"/Dispatch/Assign/{w.Id}", new() { ["Input.Version"] = w.Version.ToString() });
        var notTech = await dispatcher.PostFormAsync(
            $"/Dispatch/Assign/{w.Id}",
            new() { ["Input.TechnicianId"] = agent.Id, ["Input.Version"] = w.Version.ToString() }
        );

        none.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await none.Content.ReadAsStringAsync()).ShouldContain("请选择一名维修工程师");
        notTech.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notTech.Content.ReadAsStringAsync()).ShouldContain("请选择一名维修工程师");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_auditor_sees_the_board_without_assign_buttons_and_cannot_post_an_assignment()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var wang = await app.CreateUserAsync("wang", Roles.Technician);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var auditor = await app.SignInAsync(Roles.Auditor);

        var board = await auditor.GetPageAsync("/Dispatch");
        var post = await auditor.PostFormAsync(
            $"/Dispatch/Assign/{w.Id}",
            new() { ["Input.TechnicianId"] = wang.Id, ["Input.Version"] = w.Version.ToString() },
            formPage: "/Dispatch"
        );

        BoardArrange.RowIds(board).ShouldBe([w.Id]);
        board.QuerySelector(".assign").ShouldBeNull();
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await Load(app, w.Id)).TechnicianId.ShouldBeNull();
    }

    [Fact]
    public async Task Inside_a_board_row_the_form_comes_alone_and_a_successful_assignment_reloads_the_board()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var wang = await app.CreateUserAsync("wang", Roles.Technician);
        var w = await arrange.OpenAsync("广告牌倾斜");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var returnUrl = Uri.EscapeDataString("/Dispatch?major=true");
        var token = (await dispatcher.GetPageAsync("/Dispatch"))
            .QuerySelector("input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        dispatcher.DefaultRequestHeaders.Add("HX-Request", "true");

        var fragment = await (await dispatcher.GetAsync($"/Dispatch/Assign/{w.Id}?returnUrl={returnUrl}")).Content.ReadAsStringAsync();
        var refused = await dispatcher.PostAsync(
            $"/Dispatch/Assign/{w.Id}?returnUrl={returnUrl}",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Input.Version"] = w.Version.ToString(), ["__RequestVerificationToken"] = token }
            )
        );
        var done = await dispatcher.PostAsync(
            $"/Dispatch/Assign/{w.Id}?returnUrl={returnUrl}",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Input.TechnicianId"] = wang.Id,
                    ["Input.Version"] = w.Version.ToString(),
                    ["__RequestVerificationToken"] = token,
                }
            )
        );

        fragment.ShouldContain("assign-form");
        fragment.ShouldNotContain("<html");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        refusedHtml.ShouldContain("请选择一名维修工程师");
        refusedHtml.ShouldNotContain("<html");
        done.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        done.Headers.GetValues("HX-Redirect").Single().ShouldBe("/Dispatch?major=true");
        (await Load(app, w.Id)).TechnicianId.ShouldBe(wang.Id);
    }
}
