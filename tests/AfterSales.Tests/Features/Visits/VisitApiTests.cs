using System.Net;
using AfterSales.Features.Visits;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Visits;

public sealed class VisitApiTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task Check_out_before_check_in_or_in_the_future_is_refused_and_changes_nothing()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var tech = a.Technician;
        app.Clock.Advance(TimeSpan.FromHours(3));
        var checkIn = await tech.PostJsonAsync(
            $"/api/v1/work-orders/{a.WorkOrderId}/visits",
            new { occurredAt = T0.AddHours(2), location = "正门" }
        );
        checkIn.StatusCode.ShouldBe(HttpStatusCode.Created, await checkIn.Content.ReadAsStringAsync());
        var visit = await checkIn.ReadJsonAsync<VisitOutput>();
        visit.CheckInAt.ShouldBe(T0.AddHours(2).UtcDateTime);

        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/work", new { workDone = "检修线路" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var signed = await tech.PostJsonAsync(
            $"/api/v1/visits/{visit.Id}/signature",
            new { png = VisitArrange.SignatureDataUrl(), signerName = "王老师" }
        );
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var before = await app.SnapshotAsync();

        var early = await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { occurredAt = T0.AddHours(1), rating = 4 });
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await early.Content.ReadAsStringAsync()).ShouldContain("签退时间不能早于签到时间");
        var future = await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { occurredAt = T0.AddHours(5), rating = 4 });
        future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await future.Content.ReadAsStringAsync()).ShouldContain("签退时间不能晚于当前时间");
        var unrated = await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 0 });
        unrated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unrated.Content.ReadAsStringAsync()).ShouldContain("rating");

        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.Visits.SingleAsync())).CheckOutAtUtc.ShouldBeNull();
        var done = await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 4, comment = "满意" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.ReadJsonAsync<VisitOutput>()).Rating.ShouldBe(4);
    }

    [Fact]
    public async Task Check_out_without_signature_and_a_second_open_visit_are_refused()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var created = await a.Technician.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { });
        var visit = await created.ReadJsonAsync<VisitOutput>();
        (await a.Technician.PostJsonAsync($"/api/v1/visits/{visit.Id}/work", new { workDone = "检修" })).EnsureSuccessStatusCode();

        var unsigned = await a.Technician.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 5 });
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unsigned.Content.ReadAsStringAsync()).ShouldContain("请先请客户签字再签退");
        var second = await a.Technician.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("该工单已有未签退的现场服务");
        var notPng = await a.Technician.PostJsonAsync(
            $"/api/v1/visits/{visit.Id}/signature",
            new { png = Convert.ToBase64String("%PDF-1.4 x"u8.ToArray()), signerName = "王老师" }
        );
        notPng.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notPng.Content.ReadAsStringAsync()).ShouldContain("签名必须是 PNG 图片");
        (await app.DbAsync(db => db.Visits.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_service_report_is_a_chinese_pdf_the_customer_gets_for_their_own_visit_only()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var tech = a.Technician;
        var visit = await (
            await tech.PostJsonAsync($"/api/v1/work-orders/{a.WorkOrderId}/visits", new { location = "正门" })
        ).ReadJsonAsync<VisitOutput>();
        var work = await tech.PostJsonAsync(
            $"/api/v1/visits/{visit.Id}/work",
            new
            {
                workDone = "更换电源模块",
                faultCause = "ExternalDamage",
                faultAnalysis = "雷击导致电源损坏",
                repairSteps = "断电后更换电源模块",
                items = new object[]
                {
                    new { part = "电源模块", quantity = 1 },
                    new { productTypeId = await BillboardAsync(app), quantity = 1 },
                },
            }
        );
        work.StatusCode.ShouldBe(HttpStatusCode.OK, await work.Content.ReadAsStringAsync());
        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/restore", new { note = "已恢复" })).EnsureSuccessStatusCode();
        (
            await tech.PostJsonAsync(
                $"/api/v1/visits/{visit.Id}/signature",
                new { png = VisitArrange.SignatureDataUrl(), signerName = "王老师" }
            )
        ).EnsureSuccessStatusCode();
        (await tech.PostJsonAsync($"/api/v1/visits/{visit.Id}/checkout", new { rating = 5 })).EnsureSuccessStatusCode();

        var customer = await app.SignInAsync(Roles.Customer, a.World.CustomerId);
        var response = await customer.GetAsync($"/Visits/{visit.Id}/report.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        "%PDF"u8.ToArray().ShouldBe(pdf[..4]);
        var text = await VisitArrange.PdfTextAsync(pdf);
        text.ShouldContain("杭州市第一中学");
        text.ShouldContain(a.Number);
        text.ShouldContain("售后服务报告");
        text.ShouldContain("雷击导致电源损坏");
        text.ShouldContain("王老师");

        (await customer.GetAsync($"/api/v1/visits/{visit.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherCustomerId = await app.DbAsync(db =>
            db.Assets.Where(x => x.Id == a.World.OtherCustomerAssetId).Select(x => x.CustomerId).SingleAsync()
        );
        var stranger = await app.SignInAsync(Roles.Customer, otherCustomerId);
        (await stranger.GetAsync($"/Visits/{visit.Id}/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/visits/{visit.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Agent.GetAsync($"/Visits/{visit.Id}/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    static Task<long> BillboardAsync(AppFactory app) =>
        app.DbAsync(db => db.ProductTypes.Where(t => t.Code == "billboard").Select(t => t.Id).SingleAsync());
}
