using System.Net;
using AfterSales.Features.Visits;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Visits;

/// <summary>The work-order page lists its site visits, so the customer finds the service report it signed.</summary>
public sealed class WorkOrderVisitsTests
{
    [Fact]
    public async Task The_customer_finds_each_visit_and_its_service_report_on_the_work_order_page()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, a.World.CustomerId);
        var url = $"/WorkOrders/{a.WorkOrderId}";
        (await customer.GetPageAsync(url)).QuerySelector("#visits").ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromHours(2));
        var visit = await (
            await a.Technician.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { location = "正门" })
        ).ReadJsonAsync<VisitOutput>();
        var open = await customer.GetPageAsync(url);
        open.Text($"#visits .visit[data-id='{visit.Id}']").ShouldContain("进行中");

        await a.Technician.PostJsonAsync($"/api/v1/visits/{visit.Id}/work", new { workDone = "紧固面板" });
        await a.Technician.PostJsonAsync($"/api/v1/visits/{visit.Id}/restore", new { note = "已恢复" });
        (
            await a.Technician.PostJsonAsync(
                $"/api/v1/visits/{visit.Id}/signature",
                new { png = VisitArrange.SignatureDataUrl(), signerName = "王老师" }
            )
        ).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        (await a.Technician.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 4 })).EnsureSuccessStatusCode();

        var page = await customer.GetPageAsync(url);
        var row = page.QuerySelector($"#visits .visit[data-id='{visit.Id}']")!;
        row.TextContent.ShouldContain("2026-11-25 12:00");
        row.TextContent.ShouldContain("2026-11-25 12:30");
        row.QuerySelector(".signer")!.TextContent.ShouldContain("王老师");
        row.QuerySelector(".rating")!.TextContent.ShouldContain("★★★★☆");
        var report = row.QuerySelector("a.service-report")!.GetAttribute("href")!;
        report.ShouldBe($"/Visits/{visit.Id}/report.pdf");
        var pdf = await customer.GetAsync(report);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var otherCustomerId = await app.DbAsync(db =>
            db.Assets.Where(x => x.Id == a.World.OtherCustomerAssetId).Select(x => x.CustomerId).SingleAsync()
        );
        var stranger = await app.SignInAsync(Roles.Customer, otherCustomerId);
        (await stranger.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Agent.GetPageAsync(url)).QuerySelector($"#visits .visit[data-id='{visit.Id}'] a.service-report").ShouldNotBeNull();
    }
}
