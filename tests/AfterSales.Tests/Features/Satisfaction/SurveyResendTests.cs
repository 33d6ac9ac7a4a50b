using System.Net;
using AfterSales.Features.Satisfaction;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Complaints;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Satisfaction;

/// <summary>重新发送回访链接: staff issue a fresh link (the old one stops working), never after an answer.</summary>
public sealed class SurveyResendTests
{
    static Task<HttpResponseMessage> RateAsync(HttpClient client, string link, int rating) =>
        client.PostFormAsync(
            link,
            new() { ["Input.Rating"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Comment"] = "好" }
        );

    [Fact]
    public async Task Staff_resend_a_work_orders_link_on_the_page_and_the_api_the_old_one_stops_working_and_it_is_audited()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var url = $"/WorkOrders/{world.WorkOrderId}";
        var agent = await app.SignInAsync(Roles.Agent, userName: "agent-resend");

        (await agent.GetPageAsync(url)).QuerySelector("#survey-resend-form").ShouldNotBeNull();
        var resent = await agent.PostFormAsync(url + "?handler=SurveyLink", []);
        resent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resent.Content.ReadAsStringAsync());
        var shown = (await agent.GetPageAsync(url)).QuerySelector("#survey-link")!.GetAttribute("value")!;
        var fresh = new Uri(shown).AbsolutePath;
        fresh.ShouldStartWith(SatisfactionSurveys.LinkPrefix);
        fresh.ShouldNotBe(world.Link);
        (await app.Anonymous().GetAsync(world.Link, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync(fresh, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await app.DbAsync(db =>
            db.AuditEntries.Where(e => e.EntityType == nameof(SatisfactionSurvey) && e.Action == AuditAction.Updated).ToListAsync()
        );
        audit.ShouldHaveSingleItem().UserName.ShouldBe("agent-resend");

        var api = await agent.PostJsonAsync($"/api/v1/work-orders/{world.WorkOrderId}/survey-link", new { });
        api.StatusCode.ShouldBe(HttpStatusCode.OK, await api.Content.ReadAsStringAsync());
        var link = await api.ReadJsonAsync<SurveyLinkOutput>();
        link.Link.ShouldStartWith(SatisfactionSurveys.LinkPrefix);
        link.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddDays(14));
        (await app.Anonymous().GetAsync(fresh, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RateAsync(app.Anonymous(), link.Link, 5)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Answered: no button, and both ways in refuse with nothing changed.
        var before = await app.SnapshotAsync();
        (await agent.GetPageAsync(url)).QuerySelector("#survey-resend-form").ShouldBeNull();
        var late = await agent.PostFormAsync(url + "?handler=SurveyLink", [], formPage: "/Alerts");
        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await late.Content.ReadAsStringAsync()).ShouldContain("该回访已评价，无需再次邀请");
        var lateApi = await agent.PostJsonAsync($"/api/v1/work-orders/{world.WorkOrderId}/survey-link", new { });
        lateApi.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lateApi.Content.ReadAsStringAsync()).ShouldContain("该回访已评价，无需再次邀请");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Customers_never_get_a_link_and_staff_who_may_not_see_the_work_order_get_a_404()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var url = $"/WorkOrders/{world.WorkOrderId}";
        var customer = await app.SignInAsync(Roles.Customer, world.Orders.CustomerId);
        var stranger = await app.SignInAsync(Roles.Customer, world.Orders.CustomerId + 1);
        var technician = await app.SignInAsync(Roles.Technician);
        var before = await app.SnapshotAsync();

        var own = await customer.GetPageAsync(url);
        own.QuerySelector("#satisfaction-pending").ShouldNotBeNull();
        own.QuerySelector("#survey-resend-form").ShouldBeNull();
        (await customer.PostJsonAsync($"/api/v1/work-orders/{world.WorkOrderId}/survey-link", new { })).StatusCode.ShouldBe(
            HttpStatusCode.Forbidden
        );
        (await stranger.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A technician sees only the work orders assigned to them.
        (await technician.PostJsonAsync($"/api/v1/work-orders/{world.WorkOrderId}/survey-link", new { })).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_closed_complaints_link_is_resent_on_its_page_and_through_the_api_but_not_before_closing()
    {
        await using var app = new AppFactory();
        var world = await ComplaintArrange.ArrangeAsync(app);
        var id = await world.FileAsync();
        var manager = await app.SignInAsync(Roles.Manager);
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);

        var before = await app.SnapshotAsync();
        var open = await api.PostJsonAsync($"/api/v1/complaints/{id}/survey-link", new { });
        open.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await open.Content.ReadAsStringAsync()).ShouldContain("投诉尚未结案，还没有满意度回访");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await api.PostJsonAsync("/api/v1/complaints/999999/survey-link", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await world.ReadyToCloseAsync(manager, id);
        await ComplaintArrange.OkAsync(ComplaintArrange.ActAsync(manager, id, "Close", ComplaintArrange.Responsibility()));
        var page = await manager.GetPageAsync($"/Complaints/{id}");
        page.QuerySelector("#survey-resend-form").ShouldNotBeNull();
        var resent = await manager.PostFormAsync($"/Complaints/{id}?handler=SurveyLink", [], $"/Complaints/{id}");
        resent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resent.Content.ReadAsStringAsync());
        var shown = new Uri((await manager.GetPageAsync($"/Complaints/{id}")).QuerySelector("#survey-link")!.GetAttribute("value")!);
        (await app.Anonymous().GetAsync(shown.AbsolutePath, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await api.PostJsonAsync($"/api/v1/complaints/{id}/survey-link", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var link = (await again.ReadJsonAsync<SurveyLinkOutput>()).Link;
        (await app.Anonymous().GetAsync(shown.AbsolutePath, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await app.Anonymous().GetAsync(link, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        (await customer.GetPageAsync($"/Complaints/{id}")).QuerySelector("#survey-resend-form").ShouldBeNull();
        (await customer.PostJsonAsync($"/api/v1/complaints/{id}/survey-link", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
