using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Customers see only their own complaints; staff penalties are for managers only.</summary>
public sealed class ComplaintIsolationTests
{
    [Fact]
    public async Task A_customer_sees_its_own_complaint_and_another_customers_is_not_found()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var mine = await world.FileAsync();
        var theirs = await world.FileAsync("宁波的投诉", customerId: world.OtherCustomerId);
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);

        var page = await customer.GetPageAsync($"/Complaints/{mine}");
        page.Text("#complaint-number").ShouldStartWith("TS-");
        page.QuerySelector("#precedents").ShouldBeNull();
        page.QuerySelector("#handling").ShouldBeNull();
        (await customer.GetAsync($"/Complaints/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/api/v1/complaints/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/api/v1/complaints/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await customer.GetPageAsync("/Complaints");
        list.QuerySelectorAll(".complaint-row")
            .Select(r => r.GetAttribute("data-id"))
            .ShouldBe([mine.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task A_customer_files_in_the_portal_for_its_own_organisation_only()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);

        var r = await customer.PostFormAsync(
            "/Complaints/New",
            new()
            {
                ["Input.CustomerId"] = world.OtherCustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Category"] = "ResponseTime",
                ["Input.Description"] = "报修后两天没人来",
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var c = await app.DbAsync(db => db.Complaints.SingleAsync());
        (c.CustomerId, c.Channel).ShouldBe((world.CustomerId, ComplaintChannel.Portal));
    }

    [Fact]
    public async Task A_customer_cannot_handle_its_complaint()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        var before = await app.SnapshotAsync();

        var r = await ActAsync(customer, id, "Reply", new() { ["ReplyText"] = "自己答复" });

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await world.FindAsync(id)).ReplyText.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Staff_penalties_and_the_remedies_report_are_for_managers_only(string role)
    {
        await using var app = new AppFactory();
        var someone = await app.SignInAsync(role);
        var manager = await app.SignInAsync(Roles.Manager);

        foreach (var url in new[] { "/Complaints/Penalties", "/Complaints/Remedies" })
        {
            var refused = await someone.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
            (await manager.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Only_a_manager_sees_a_penalty_on_a_closed_case()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var manager = await app.SignInAsync(Roles.Manager);
        await world.ReadyToCloseAsync(manager, id);
        await OkAsync(ActAsync(manager, id, "Close", Responsibility(penalty: "Fine", amount: "234.56")));
        var agent = await app.SignInAsync(Roles.Agent);

        var seenByManager = await manager.GetPageAsync($"/Complaints/{id}");
        seenByManager.QuerySelector("#complaint-penalty").ShouldNotBeNull();
        seenByManager.QuerySelector("#audit-trail").ShouldNotBeNull();
        var seenByAgent = await agent.GetPageAsync($"/Complaints/{id}");
        seenByAgent.QuerySelector("#complaint-responsibility").ShouldNotBeNull();
        seenByAgent.QuerySelector("#complaint-penalty").ShouldBeNull();
        // Not through the change history either: it records every changed field, the penalty among them.
        seenByAgent.QuerySelector("#audit-trail").ShouldBeNull();
        seenByAgent.Body!.TextContent.ShouldNotContain("234.56");
        seenByAgent.Body!.TextContent.ShouldNotContain("23456");
    }
}
