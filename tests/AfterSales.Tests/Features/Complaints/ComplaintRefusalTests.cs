using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Bad input on complaints: a clear, localised refusal, and nothing changed.</summary>
public sealed class ComplaintRefusalTests
{
    public static TheoryData<string, string, string> CloseRefusals =>
        new()
        {
            { "no responsible party and no 'no one'", "ResponsibleStaff", "请认定责任：填写责任人或责任部门，或认定无责任" },
            { "no finding", "Finding", "请填写责任认定结论" },
            { "no improvement", "Improvement", "请填写改进措施" },
            { "no summary", "Summary", "请填写案例总结" },
        };

    [Theory]
    [MemberData(nameof(CloseRefusals))]
    public async Task Closing_without_responsibility_or_summary_is_refused_and_changes_nothing(string why, string blank, string message)
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var manager = await app.SignInAsync(Roles.Manager);
        await world.ReadyToCloseAsync(manager, id);
        var fields = Responsibility(penalty: "None");
        fields[blank] = "";
        if (blank == "ResponsibleStaff")
            fields["ResponsibleDepartment"] = "";
        var before = await app.SnapshotAsync();

        var r = await ActAsync(manager, id, "Close", fields);

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, why);
        (await ErrorsAsync(r)).ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
        (await world.FindAsync(id)).Status.ShouldBe(ComplaintStatus.Resolved);
    }

    [Fact]
    public async Task Closing_before_the_customer_had_a_reply_is_refused()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var manager = await app.SignInAsync(Roles.Manager);
        var before = await app.SnapshotAsync();

        var r = await ActAsync(manager, id, "Close", Responsibility());

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ErrorsAsync(r)).ShouldContain("尚未答复客户，不能结案");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("2026-11-25T09:00")]
    [InlineData("2026-11-25T10:00")]
    [InlineData("")]
    public async Task A_committed_resolution_time_not_in_the_future_is_refused(string committed)
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync(major: true);
        var manager = await app.SignInAsync(Roles.Manager);
        var before = await app.SnapshotAsync();

        var r = await ActAsync(manager, id, "Explain", new() { ["ExplanationText"] = "详细说明", ["CommittedResolution"] = committed });

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ErrorsAsync(r)).ShouldContain(committed == "" ? "请填写承诺解决时间" : "承诺解决时间必须晚于当前时间");
        (await app.SnapshotAsync()).ShouldBe(before);
        var c = await world.FindAsync(id);
        (c.ExplainedAtUtc, c.CommittedResolutionUtc, c.Clocks.Count).ShouldBe((null, null, 2));
    }

    [Theory]
    [InlineData(1, null, "receivedAt", "受理时间不能晚于当前时间")]
    [InlineData(-60, null, "backdateReason", "受理时间早于当前时间，请说明补录原因")]
    public async Task The_api_refuses_a_future_receipt_and_an_unexplained_past_one(
        int minutes,
        string? reason,
        string field,
        string message
    )
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);
        var before = await app.SnapshotAsync();

        var r = await api.PostJsonAsync(
            "/api/v1/complaints",
            new
            {
                customerId = world.CustomerId,
                description = "态度差",
                receivedAt = AppFactory.T0.AddMinutes(minutes),
                backdateReason = reason,
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await r.Content.ReadAsStringAsync();
        body.ShouldContain(field);
        body.ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_key_without_the_complaints_scope_cannot_file()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var api = await app.ApiKeyClientAsync(Policies.HandleWorkOrders);

        var r = await api.PostJsonAsync("/api/v1/complaints", new { customerId = world.CustomerId, description = "态度差" });

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
