using System.Net;
using AfterSales.Features.Satisfaction;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Satisfaction;

public sealed class SurveyLinkTests
{
    static Task<HttpResponseMessage> RateAsync(HttpClient client, string link, int rating, string comment) =>
        client.PostFormAsync(
            link,
            new() { ["Input.Rating"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Comment"] = comment }
        );

    [Fact]
    public async Task Closing_a_work_order_invites_the_customer_who_rates_it_through_the_link_without_login()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        world.Link.ShouldStartWith("/Survey/");
        var stranger = app.Anonymous();

        var form = await stranger.GetPageAsync(world.Link);
        form.Text("#survey-subject").ShouldContain("GD-20261125-0001");
        var r = await RateAsync(stranger, world.Link, 4, "师傅很专业");

        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.ParseAsync()).QuerySelector("#survey-thanks").ShouldNotBeNull();
        var survey = await app.DbAsync(db => db.Surveys.AsNoTracking().SingleAsync());
        (survey.Subject, survey.SubjectId, survey.CustomerId).ShouldBe(
            (SurveySubject.WorkOrder, world.WorkOrderId, world.Orders.CustomerId)
        );
        (survey.Rating, survey.Comment, survey.AnsweredVia).ShouldBe((4, "师傅很专业", SurveyChannel.Link));
        survey.TokenHash.ShouldNotContain(world.Link["/Survey/".Length..]);

        var agent = await app.SignInAsync(Roles.Agent);
        var page = await agent.GetPageAsync($"/WorkOrders/{world.WorkOrderId}");
        page.Text("#satisfaction-rating").ShouldContain("4 / 5");
        page.Text("#satisfaction-comment").ShouldBe("师傅很专业");
    }

    [Fact]
    public async Task A_link_used_once_is_refused_the_second_time_and_nothing_changes()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var stranger = app.Anonymous();
        (await RateAsync(stranger, world.Link, 5, "好")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await app.SnapshotAsync();

        var again = await RateAsync(stranger, world.Link, 1, "改成差评");

        again.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await again.ParseAsync()).Text("#survey-refused").ShouldBe("该回访已评价，链接只能使用一次");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.Surveys.SingleAsync())).Rating.ShouldBe(5);
    }

    [Fact]
    public async Task An_expired_link_is_refused_in_english_too_and_nothing_changes()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var stranger = app.Anonymous();
        await stranger.PostFormAsync(
            "/Account/Language",
            new() { ["culture"] = "en", ["returnUrl"] = "/Account/Login" },
            formPage: "/Account/Login"
        );
        var before = await app.SnapshotAsync();

        var r = await RateAsync(stranger, world.Link, 3, "late");

        r.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await r.ParseAsync()).Text("#survey-refused").ShouldBe("This survey link has expired");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_link_is_not_found_and_a_rating_out_of_range_is_refused()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var stranger = app.Anonymous();
        var before = await app.SnapshotAsync();

        (await stranger.GetAsync("/Survey/not-a-token")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var r = await RateAsync(stranger, world.Link, 6, "");

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).Text("#survey-errors").ShouldContain("请选择 1 到 5 分");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Two_answers_sent_at_once_record_one()
    {
        await using var app = new AppFactory();
        var world = await SurveyWorld.ArrangeAsync(app);
        var a = app.Anonymous();
        var b = app.Anonymous();

        var answers = await Task.WhenAll(RateAsync(a, world.Link, 5, "a"), RateAsync(b, world.Link, 1, "b"));

        answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var survey = await app.DbAsync(db => db.Surveys.SingleAsync());
        survey.Comment.ShouldBe(survey.Rating == 5 ? "a" : "b");
    }
}
