using System.Net;
using AfterSales.Features.Inspections;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// After check-out the round is the technician's record, read-only; what becomes of an open
/// "needs attention" proposal is recorded by the dispatcher or a manager.
/// </summary>
public sealed class RoundAfterCheckOutTests
{
    static async Task<(InspectionArrange A, FindingOutput Finding)> CompletedWithProposalAsync(AppFactory app)
    {
        var a = await InspectionArrange.ArrangeAsync(app);
        var finding = (await a.InspectAsync(app, FindingResult.NeedsAttention))[0];
        await a.SignAsync();
        var done = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 4 });
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        return (a, finding);
    }

    [Fact]
    public async Task The_technician_sees_no_forms_after_check_out_while_the_dispatcher_records_the_outcome()
    {
        await using var app = new AppFactory();
        var (a, finding) = await CompletedWithProposalAsync(app);
        var url = $"/Inspections/{a.RoundId}";

        var mine = await a.Technician.GetPageAsync(url);
        mine.Text("#status").ShouldBe("已完成");
        mine.QuerySelector($"#finding-{finding.Id}").ShouldNotBeNull();
        mine.QuerySelectorAll(".round-screen form").Length.ShouldBe(0);

        var desk = await a.Dispatcher.GetPageAsync(url);
        desk.QuerySelector($"#decide-form-{finding.Id}").ShouldNotBeNull();
        var decided = await a.Dispatcher.PostFormAsync(
            url + $"?handler=Decide&findingId={finding.Id}",
            new() { ["decide.Outcome"] = "Fixed", ["decide.Note"] = "已按建议重新喷涂" }
        );
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        (await a.Dispatcher.GetPageAsync(url)).Text($"#finding-{finding.Id} .finding-outcome").ShouldContain("已按建议重新喷涂");
    }

    [Fact]
    public async Task The_technician_cannot_record_an_outcome_on_the_completed_round_by_page_or_api()
    {
        await using var app = new AppFactory();
        var (a, finding) = await CompletedWithProposalAsync(app);
        var url = $"/Inspections/{a.RoundId}";
        var before = await app.SnapshotAsync();

        var page = await a.Technician.PostFormAsync(
            url + $"?handler=Decide&findingId={finding.Id}",
            new() { ["decide.Outcome"] = "Declined", ["decide.Note"] = "客户不需要" },
            formPage: "/Alerts"
        );
        page.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await page.ParseAsync()).Text("#errors").ShouldContain("只有调度或主管可以记录建议的处理结果");

        var api = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-findings/{finding.Id}/outcome",
            new { outcome = "Fixed", note = "已处理" }
        );
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.Content.ReadAsStringAsync()).ShouldContain("只有调度或主管可以记录建议的处理结果");

        a.Technician.DefaultRequestHeaders.AcceptLanguage.Clear();
        a.Technician.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-findings/{finding.Id}/outcome",
            new { outcome = "Declined", note = "not needed" }
        );
        english.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await english.Content.ReadAsStringAsync()).ShouldContain("Only a dispatcher or manager can record what became of a proposal");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.InspectionFindings.FindAsync(finding.Id).AsTask()))!.Outcome.ShouldBe(FindingOutcome.Open);
    }
}
