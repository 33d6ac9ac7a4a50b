using System.Net;
using System.Net.Http.Headers;
using AfterSales.Features.Documents;
using AfterSales.Features.Visits;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Documents;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Visits;

public sealed class VisitPagesTests
{
    [Fact]
    public async Task A_technician_runs_a_visit_from_check_in_to_check_out_on_the_phone_screen()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var tech = a.Technician;
        var screen = $"/Visits/{a.WorkOrderId}";

        var my = await tech.GetPageAsync("/My");
        my.QuerySelector($".work-order-card[data-id='{a.WorkOrderId}'] .number")!.TextContent.ShouldBe(a.Number);
        my.QuerySelector($".work-order-card[data-id='{a.WorkOrderId}'] .customer")!.TextContent.ShouldBe("杭州市第一中学");
        my.QuerySelector("#nav-my").ShouldNotBeNull();

        app.Clock.Advance(TimeSpan.FromHours(2));
        var arrivedAt = app.Clock.GetUtcNow().UtcDateTime;
        var checkIn = await tech.PostFormAsync(
            $"{screen}?handler=CheckIn",
            new()
            {
                ["checkIn.Location"] = "正门广场",
                ["checkIn.Latitude"] = "30.25",
                ["checkIn.Longitude"] = "120.16",
            },
            screen
        );
        checkIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await checkIn.Content.ReadAsStringAsync());
        var visit = await app.DbAsync(db => db.Visits.SingleAsync());
        visit.CheckInAtUtc.ShouldBe(arrivedAt);
        visit.Latitude.ShouldBe(30.25);
        var onSite = await app.DbAsync(db =>
            db.WorkOrderClocks.SingleAsync(c => c.WorkOrderId == a.WorkOrderId && c.Kind == ClockKind.OnSite)
        );
        onSite.MetAtUtc.ShouldBe(arrivedAt);

        var work = await tech.PostFormAsync(
            $"{screen}?handler=Work&visitId={visit.Id}",
            new()
            {
                ["Work.WorkDone"] = "更换镇流器两只",
                ["Work.FaultCause"] = "Ageing",
                ["Work.FaultAnalysis"] = "镇流器老化烧毁",
                ["Work.RepairSteps"] = "断电、拆卸、更换、通电测试",
                ["Work.Items[0].Part"] = "镇流器",
                ["Work.Items[0].Quantity"] = "2",
            },
            screen
        );
        work.StatusCode.ShouldBe(HttpStatusCode.Redirect, await work.Content.ReadAsStringAsync());

        foreach (var moment in new[] { "Before", "After" })
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(moment), "moment" },
                {
                    new ByteArrayContent(TestFiles.Jpeg()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
                    "photo",
                    "site.jpg"
                },
            };
            var photo = await tech.PostMultipartAsync($"{screen}?handler=Photo&visitId={visit.Id}", form, screen);
            photo.StatusCode.ShouldBe(HttpStatusCode.Redirect, await photo.Content.ReadAsStringAsync());
        }

        app.Clock.Advance(TimeSpan.FromHours(1));
        var restoredAt = app.Clock.GetUtcNow().UtcDateTime;
        var restore = await tech.PostFormAsync(
            $"{screen}?handler=Restore&visitId={visit.Id}",
            new() { ["restore.Note"] = "灯已亮" },
            screen
        );
        restore.StatusCode.ShouldBe(HttpStatusCode.Redirect, await restore.Content.ReadAsStringAsync());

        var sign = await tech.PostFormAsync(
            $"{screen}?handler=Sign&visitId={visit.Id}",
            new() { ["sign.Png"] = VisitArrange.SignatureDataUrl(), ["sign.SignerName"] = "王老师" },
            screen
        );
        sign.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sign.Content.ReadAsStringAsync());

        var checkOut = await tech.PostFormAsync(
            $"{screen}?handler=CheckOut&visitId={visit.Id}",
            new() { ["checkOut.Rating"] = "5", ["checkOut.Comment"] = "很及时" },
            screen
        );
        checkOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, await checkOut.Content.ReadAsStringAsync());

        visit = await app.DbAsync(db => db.Visits.Include(v => v.Items).SingleAsync());
        visit.CheckOutAtUtc.ShouldBe(restoredAt);
        visit.Rating.ShouldBe(5);
        visit.FaultCause.ShouldBe(FaultCauseCategory.Ageing);
        visit.Items.ShouldHaveSingleItem().Chargeable.ShouldBeFalse();
        var restoreClock = await app.DbAsync(db =>
            db.WorkOrderClocks.SingleAsync(c => c.WorkOrderId == a.WorkOrderId && c.Kind == ClockKind.Restore)
        );
        restoreClock.MetAtUtc.ShouldBe(restoredAt);
        var documents = await app.DbAsync(db =>
            db.Documents.Where(d => d.OwnerType == DocumentOwner.Visit && d.OwnerId == visit.Id).ToListAsync()
        );
        documents.Where(d => d.Kind == DocumentKind.RepairSitePhoto).Select(d => d.Caption).ShouldBe(["维修前", "维修后"]);
        var signature = documents.Single(d => d.Id == visit.SignatureDocumentId);
        signature.ContentType.ShouldBe("image/png");

        var page = await tech.GetPageAsync(screen);
        page.QuerySelector("#last-visit").ShouldNotBeNull();
        page.QuerySelector("#check-in-form").ShouldBeNull();
        var pdf = await tech.GetByteArrayAsync($"/Visits/{visit.Id}/report.pdf");
        var text = await VisitArrange.PdfTextAsync(pdf);
        text.ShouldContain("维修前");
        text.ShouldContain("镇流器老化烧毁");
    }

    [Fact]
    public async Task A_technician_not_assigned_gets_404_for_the_visit_screen_and_the_check_in()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var other = await app.SignInAsync(Roles.Technician);
        var before = await app.SnapshotAsync();

        (await other.GetAsync($"/Visits/{a.WorkOrderId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await other.PostFormAsync($"/Visits/{a.WorkOrderId}?handler=CheckIn", new() { ["checkIn.Location"] = "x" }, "/My");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await other.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { location = "x" });
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_oversized_photo_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        await using var app = new AppFactory().With("Documents:MaxBytes", "3000");
        var a = await VisitArrange.ArrangeAsync(app);
        var screen = $"/Visits/{a.WorkOrderId}";
        (await a.Technician.PostFormAsync($"{screen}?handler=CheckIn", new(), screen)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var visitId = await app.DbAsync(db => db.Visits.Select(v => v.Id).SingleAsync());
        var before = await app.SnapshotAsync();

        var big = TestFiles.Jpeg(800, 600);
        big.Length.ShouldBeGreaterThan(3000);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Before"), "moment" },
            { new ByteArrayContent(big), "photo", "big.jpg" },
        };
        var response = await a.Technician.PostMultipartAsync($"{screen}?handler=Photo&visitId={visitId}", form, screen);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text("#errors").ShouldContain("文件超过");
        (await app.SnapshotAsync()).ShouldBe(before);
        Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
