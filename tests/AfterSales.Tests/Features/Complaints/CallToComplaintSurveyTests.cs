using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Features.Complaints;
using AfterSales.Features.Hotline;
using AfterSales.Features.Satisfaction;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Hotline;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>
/// The tender's third section in one piece, on whichever provider the run uses: a call from the
/// phone system, the complaint taken from it, handled and closed, and the customer's rating by link.
/// </summary>
public sealed partial class CallToComplaintSurveyTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task A_call_becomes_a_complaint_that_is_escalated_explained_remedied_closed_and_rated_once_by_link()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var customerId = world.Orders.CustomerId;
        await HotlineWorld.SendOkAsync(world.Cti, "ev-1", "cti-77", "ringing", T0.AddSeconds(-12));
        await HotlineWorld.SendOkAsync(world.Cti, "ev-2", "cti-77", "answered", T0.AddSeconds(-4));
        var callId = await app.DbAsync(db => db.Calls.Select(c => c.Id).SingleAsync());
        var agent = await app.SignInAsync(Roles.Agent);
        var manager = await app.SignInAsync(Roles.Manager, userName: "manager-li");

        // The call log found the customer by the caller's number and links to the complaint intake.
        var row = (await agent.GetPageAsync("/Hotline")).QuerySelector($"#call-{callId}").ShouldNotBeNull();
        row.QuerySelector(".met").ShouldNotBeNull();
        var intakeUrl = row.QuerySelector($"#open-complaint-{callId}")!.GetAttribute("href")!;
        intakeUrl.ShouldBe(CallLinks.Complaint(callId, customerId));
        var form = await agent.GetPageAsync(intakeUrl);
        form.Text("#customer-name").ShouldBe("杭州市第一中学");
        form.QuerySelector("#call-link").ShouldNotBeNull();
        form.QuerySelector("#Input_ContactName")!.GetAttribute("value").ShouldBe("王老师");
        form.QuerySelector("#Input_ContactPhone")!.GetAttribute("value")!.ShouldEndWith("88886666");
        var filed = await agent.PostFormAsync(
            "/Complaints/New",
            new()
            {
                ["Input.CustomerId"] = Id(customerId),
                ["Input.CallId"] = Id(callId),
                ["Input.Channel"] = "Phone",
                ["Input.Category"] = "StaffAttitude",
                ["Input.ContactName"] = "王老师",
                ["Input.ContactPhone"] = form.QuerySelector("#Input_ContactPhone")!.GetAttribute("value")!,
                ["Input.Description"] = "维修人员上门迟到两天，且态度恶劣",
                ["Input.Wish"] = "要求道歉并赔偿",
                ["Input.IsMajor"] = "true",
                ["Input.ReceivedAt"] = form.QuerySelector("#Input_ReceivedAt")!.GetAttribute("value")!,
                ["FormKey"] = form.QuerySelector("input[name=FormKey]")!.GetAttribute("value")!,
            },
            intakeUrl
        );
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(filed));
        var complaint = await app.DbAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        (complaint.CustomerId, complaint.CallId, complaint.IsMajor).ShouldBe((customerId, (long?)callId, true));
        (await agent.GetPageAsync("/Hotline"))
            .QuerySelector($"#complaint-of-{callId}")!
            .GetAttribute("href")
            .ShouldBe($"/Complaints/{complaint.Id}");

        // Handled by the principles: thanked, heard out, apologised; escalated beyond the agent's authority.
        var id = complaint.Id;
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await OkAsync(
            ActAsync(
                agent,
                id,
                "Acknowledge",
                new()
                {
                    ["Thanked"] = "true",
                    ["HeardOut"] = "true",
                    ["Apologised"] = "true",
                }
            )
        );
        await OkAsync(ActAsync(agent, id, "Escalate", new() { ["EscalatedTo"] = "manager-li", ["EscalationReason"] = "赔偿超出专员权限" }));
        app.Clock.Advance(TimeSpan.FromHours(3));
        // 2026-11-28 12:00 Beijing time is 04:00 UTC.
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Explain",
                new() { ["ExplanationText"] = "经查，派工延误且维修人员言语不当", ["CommittedResolution"] = "2026-11-28T12:00" }
            )
        );
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Remedy",
                new()
                {
                    ["Kind"] = "Compensation",
                    ["Amount"] = "300.00",
                    ["Detail"] = "赔偿并上门致歉",
                }
            )
        );
        await OkAsync(ActAsync(manager, id, "Answer", new() { ["Accepted"] = "true", ["Satisfaction"] = "4" }));
        var closing = await ActAsync(manager, id, "Close", Responsibility(penalty: "Fine", amount: "100"));
        closing.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(closing));

        var closed = await FindCompleteAsync(app, id);
        closed.Status.ShouldBe(ComplaintStatus.Closed);
        closed.EscalatedTo.ShouldBe("manager-li");
        closed.CommittedResolutionUtc.ShouldBe(new DateTime(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc));
        (closed.Remedy, closed.RemedyAmountFen).ShouldBe((RemedyKind.Compensation, 30_000L));
        (closed.ResponsibleStaff, closed.Penalty, closed.PenaltyFen).ShouldBe(("张伟", InternalPenalty.Fine, 10_000L));
        closed.Clocks.ShouldAllBe(c => c.MetAtUtc != null);

        // The closing manager is shown the personal link to send; the invitation committed with the close.
        var closedPage = await manager.GetPageAsync($"/Complaints/{id}");
        var link = SurveyLink().Match(closedPage.QuerySelector("[role=status]").ShouldNotBeNull().TextContent).Value;
        link.ShouldStartWith(SatisfactionSurveys.LinkPrefix);
        closedPage.QuerySelector("#satisfaction-pending").ShouldNotBeNull();
        var invited = await app.DbAsync(db => db.Surveys.AsNoTracking().SingleAsync());
        (invited.Subject, invited.SubjectId, invited.CustomerId).ShouldBe((SurveySubject.Complaint, id, customerId));

        // The customer rates it through the link, without logging in; the link works once.
        var stranger = app.Anonymous();
        var survey = await stranger.GetPageAsync(link);
        survey.Text("#survey-subject").ShouldContain(closed.Number);
        var rated = await RateAsync(stranger, link, 5, "处理及时，态度诚恳");
        rated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rated.ParseAsync()).QuerySelector("#survey-thanks").ShouldNotBeNull();
        var before = await app.SnapshotAsync();

        var reused = await RateAsync(stranger, link, 1, "改成差评");

        reused.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await reused.ParseAsync()).Text("#survey-refused").ShouldBe("该回访已评价，链接只能使用一次");
        (await app.SnapshotAsync()).ShouldBe(before);
        var answered = await app.DbAsync(db => db.Surveys.AsNoTracking().SingleAsync());
        (answered.Rating, answered.Comment, answered.AnsweredVia).ShouldBe((5, "处理及时，态度诚恳", SurveyChannel.Link));
        var page = await manager.GetPageAsync($"/Complaints/{id}");
        page.Text("#satisfaction-rating").ShouldContain("5 / 5");
        page.Text("#satisfaction-comment").ShouldBe("处理及时，态度诚恳");

        // The complainant's own users see the rated complaint in the portal; another customer's do not.
        var own = await (await app.SignInAsync(Roles.Customer, customerId)).GetPageAsync("/Satisfaction");
        own.QuerySelector($"a[href='/Complaints/{id}']").ShouldNotBeNull().TextContent.ShouldContain(closed.Number);
        var otherCustomer = await app.DbAsync(db => db.Customers.Where(c => c.Id != customerId).Select(c => c.Id).FirstAsync());
        var others = await (await app.SignInAsync(Roles.Customer, otherCustomer)).GetPageAsync("/Satisfaction");
        others.QuerySelector($"a[href='/Complaints/{id}']").ShouldBeNull();
    }

    static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    static Task<Complaint> FindCompleteAsync(AppFactory app, long id) =>
        app.DbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Clocks).SingleAsync(c => c.Id == id));

    static Task<HttpResponseMessage> RateAsync(HttpClient client, string link, int rating, string comment) =>
        client.PostFormAsync(link, new() { ["Input.Rating"] = rating.ToString(CultureInfo.InvariantCulture), ["Input.Comment"] = comment });

    [GeneratedRegex(@"/Survey/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyLink();
}
