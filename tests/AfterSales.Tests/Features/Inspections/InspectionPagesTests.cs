using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AfterSales.Features.Inspections;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Visits;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Inspections;

public sealed class InspectionPagesTests
{
    [Fact]
    public async Task A_technician_works_a_round_on_the_pages_and_the_customer_gets_the_chinese_report_on_the_archive_card()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var url = $"/Inspections/{a.RoundId}";
        var page = await a.Technician.GetPageAsync(url);
        page.QuerySelector("#check-in-form").ShouldNotBeNull();
        (await a.Technician.PostFormAsync(url + "?handler=CheckIn", new() { ["checkIn.Location"] = "正门" })).StatusCode.ShouldBe(
            HttpStatusCode.Redirect
        );
        var items = await a.ChecklistAsync(app);
        foreach (var (item, i) in items.Select((x, i) => (x, i)))
        {
            var fields = new Dictionary<string, string>
            {
                ["finding.AssetId"] = a.World.AssetId.ToString(),
                ["finding.ChecklistItemId"] = item.Id.ToString(),
                ["finding.Result"] = i == 0 ? "Hazard" : "Ok",
            };
            if (i == 0)
                fields["finding.Notes"] = "广告牌立柱锈蚀严重";
            var saved = await a.Technician.PostFormAsync(url + "?handler=Finding", fields);
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }
        var hazardId = await app.DbAsync(db =>
            db.InspectionFindings.Where(f => f.Result == FindingResult.Hazard).Select(f => f.Id).SingleAsync()
        );
        var photo = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(Documents.TestFiles.Png(200, 150));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        photo.Add(bytes, "photo", "rust.png");
        (await a.Technician.PostMultipartAsync($"{url}?handler=Photo&findingId={hazardId}", photo, url)).StatusCode.ShouldBe(
            HttpStatusCode.Redirect
        );
        (
            await a.Technician.PostFormAsync(
                url + "?handler=Sign",
                new() { ["sign.Png"] = VisitArrange.SignatureDataUrl(), ["sign.SignerName"] = "王老师" }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (
            await a.Technician.PostFormAsync(
                url + "?handler=Complete",
                new() { ["complete.Satisfaction"] = "5", ["complete.Comment"] = "服务周到" }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await a.Dispatcher.GetPageAsync(url);
        page.Text("#status").ShouldBe("已完成");
        page.Text($"#finding-{hazardId} .finding-outcome").ShouldContain("已转工单");
        page.QuerySelectorAll($"#finding-{hazardId} img.thumb").Length.ShouldBe(1);

        var customer = await app.SignInAsync(Roles.Customer, a.World.CustomerId);
        var card = await customer.GetPageAsync($"/Customers/{a.World.CustomerId}");
        card.Text($"#card-round-{a.RoundId} .round-status").ShouldBe("已完成");
        var report = await customer.GetAsync(url + "/report.pdf", TestContext.Current.CancellationToken);
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await VisitArrange.PdfTextAsync(await report.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        text.ShouldContain("冬季巡检报告");
        text.ShouldContain("广告牌立柱锈蚀严重");
        text.ShouldContain("王老师");
        // The photo of the hazard and the signature are in it as pictures, not only their captions.
        var images = await PdfImagesAsync(await report.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        images.Count.ShouldBe(2);
        images.ShouldContain((120, 60));
        images.ShouldContain(i => i.Width != 120 || i.Height != 60);
        var stranger = await app.SignInAsync(Roles.Customer, a.World.CustomerId + 1);
        (await stranger.GetAsync(url + "/report.pdf", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A customer may read the round but not record on it: sent to the access-denied page, nothing changed.
        var before = await app.SnapshotAsync();
        var denied = await customer.PostFormAsync(
            url + $"?handler=Decide&findingId={hazardId}",
            new() { ["decide.Outcome"] = "Declined", ["decide.Note"] = "不需要" }
        );
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_dispatcher_sees_missed_rounds_flagged_on_the_list()
    {
        await using var app = new AppFactory();
        await InspectionArrange.ArrangeAsync(app, schedule: false);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(2);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var list = await dispatcher.GetPageAsync("/Inspections");
        list.Text("#missed-alert").ShouldContain("2");
        list.QuerySelectorAll("#rounds tr.table-danger").Length.ShouldBe(2);
        var filtered = await dispatcher.GetPageAsync("/Inspections?Status=Completed");
        filtered.QuerySelector("#no-rounds").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_manager_edits_the_checklist_and_others_may_not()
    {
        await using var app = new AppFactory();
        var type = await app.DbAsync(db => db.ProductTypes.SingleAsync(t => t.Code == "light-box"));
        var manager = await app.SignInAsync(Roles.Manager);
        var page = await manager.GetPageAsync($"/Inspections/Checklists?TypeId={type.Id}");
        page.QuerySelectorAll("#checklist .checklist-item").Length.ShouldBe(3);
        var added = await manager.PostFormAsync(
            $"/Inspections/Checklists?handler=Add&typeId={type.Id}",
            new()
            {
                ["item.Text"] = "支架无松动",
                ["item.TextEn"] = "Bracket not loose",
                ["item.SortOrder"] = "40",
            },
            $"/Inspections/Checklists?TypeId={type.Id}"
        );
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        (await app.DbAsync(db => db.ChecklistItems.CountAsync(i => i.ProductTypeId == type.Id && i.Text == "支架无松动"))).ShouldBe(1);
        var agent = await app.SignInAsync(Roles.Agent);
        (await agent.GetAsync("/Inspections/Checklists", TestContext.Current.CancellationToken)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>Width and height of each picture in the PDF, as poppler's pdfimages lists them (soft masks left out).</summary>
    static async Task<List<(int Width, int Height)>> PdfImagesAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("pdfimages", ["-list", path]) { RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0);
            // page num type width height …, after two header lines.
            return
            [
                .. output
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Skip(2)
                    .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(c => c[2] == "image")
                    .Select(c => (int.Parse(c[3], CultureInfo.InvariantCulture), int.Parse(c[4], CultureInfo.InvariantCulture))),
            ];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
