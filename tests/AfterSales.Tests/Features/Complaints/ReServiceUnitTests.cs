using AfterSales.Features.Complaints;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>A re-service remedy and its work order commit together or not at all.</summary>
public sealed class ReServiceUnitTests
{
    [Fact]
    public async Task A_re_service_whose_complaint_cannot_be_saved_leaves_no_orphan_work_order()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var ct = TestContext.Current.CancellationToken;

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var remedies = scope.ServiceProvider.GetRequiredService<ComplaintRemedies>();
        var complaint = await ComplaintRemedies.TrackedAsync(db, id, ct);
        // Meanwhile another handler records an investigation note: the complaint loaded above is stale.
        await OkAsync(ActAsync(agent, id, "Note", new() { ["Note"] = "已调取通话录音" }));
        var before = await app.SnapshotAsync();

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var refused = await Should.ThrowAsync<DomainException>(() =>
            remedies.ProposeAsync(complaint, new RemedyInput(RemedyKind.ReService, "上门复查", 0, null, now), new Actor("a1", "王芳"), ct)
        );

        refused.Message.ShouldBe("投诉已被他人更新，请刷新后重试");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.WorkOrders.CountAsync(w => w.Description.Contains("补救：重新服务")))).ShouldBe(0);
        (await world.FindAsync(id)).RemedyWorkOrderId.ShouldBeNull();
    }

    [Fact]
    public async Task A_re_service_saved_on_the_page_links_the_work_order_it_opened()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        await OkAsync(ActAsync(agent, id, "Remedy", new() { ["Kind"] = "ReService", ["Detail"] = "上门复查" }));

        var complaint = await world.FindAsync(id);
        complaint.Remedy.ShouldBe(RemedyKind.ReService);
        var w = await app.DbAsync(db => db.WorkOrders.SingleAsync(x => x.Id == complaint.RemedyWorkOrderId));
        w.CustomerId.ShouldBe(world.CustomerId);
        w.Description.ShouldContain($"投诉 {complaint.Number} 补救：重新服务");
    }
}
