using System.Net;
using AfterSales.Features.Satisfaction;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Satisfaction;

public sealed class PortalSurveyTests
{
    [Fact]
    public async Task A_customer_rates_its_own_work_order_in_the_portal_and_then_the_link_is_spent()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, world.Orders.CustomerId);
        var surveyId = await app.DbAsync(db => db.Surveys.Select(s => s.Id).SingleAsync());

        var list = await customer.GetPageAsync("/Satisfaction");
        list.QuerySelector($"#answer-{surveyId}").ShouldNotBeNull();
        var r = await customer.PostFormAsync(
            $"/Satisfaction?handler=Answer&id={surveyId}",
            new() { ["Input.Rating"] = "2", ["Input.Comment"] = "等待时间太长" },
            "/Satisfaction"
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var survey = await app.DbAsync(db => db.Surveys.AsNoTracking().SingleAsync());
        (survey.Rating, survey.AnsweredVia).ShouldBe((2, SurveyChannel.Portal));
        (await app.Anonymous().GetAsync(world.Link)).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_customer_sees_and_answers_only_its_own_surveys()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var surveyId = await app.DbAsync(db => db.Surveys.Select(s => s.Id).SingleAsync());
        var otherCustomerId = await app.DbAsync(db =>
            db.Customers.Where(c => c.Id != world.Orders.CustomerId).Select(c => c.Id).FirstAsync()
        );
        var other = await app.SignInAsync(Roles.Customer, otherCustomerId);
        var before = await app.SnapshotAsync();

        (await other.GetPageAsync("/Satisfaction")).QuerySelector($"#survey-{surveyId}").ShouldBeNull();
        var r = await other.PostFormAsync($"/Satisfaction?handler=Answer&id={surveyId}", new() { ["Input.Rating"] = "1" }, "/Satisfaction");

        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Managers_see_the_satisfaction_summary_and_customers_do_not()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        await app.Anonymous().PostFormAsync(world.Link, new() { ["Input.Rating"] = "4" });
        var manager = await app.SignInAsync(Roles.Manager);
        var customer = await app.SignInAsync(Roles.Customer, world.Orders.CustomerId);

        var page = await manager.GetPageAsync("/Satisfaction/Summary?from=2026-11-01&to=2026-11-30");

        page.Text("#summary-workorder .invited").ShouldBe("1");
        page.Text("#summary-workorder .answered").ShouldBe("1");
        page.Text("#summary-workorder .average").ShouldBe("4.00");
        (await customer.GetAsync("/Satisfaction/Summary")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Another_subject_kind_is_invited_through_the_same_service()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);

        string? link;
        using (var scope = app.Services.CreateScope())
        {
            var surveys = scope.ServiceProvider.GetRequiredService<SatisfactionSurveys>();
            link = await surveys.InviteAsync(SurveySubject.Complaint, 42, world.Orders.CustomerId, CancellationToken.None);
        }

        link.ShouldNotBeNull();
        var page = await app.Anonymous().GetPageAsync(link);
        page.Text("#survey-subject").ShouldBe("投诉 #42");
    }
}
