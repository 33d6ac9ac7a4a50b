using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Visits;

/// <summary>
/// 服务报告: what the customer signs off, as a PDF — the work order, the times that count for
/// the service promises, what was found and done, parts, photos, signature and rating.
/// </summary>
public sealed class ServiceReport(AppDbContext db, CurrentUser me, DocumentStore store, IConfiguration config)
{
    /// <summary>The report of a visit the caller may see, or null (another customer's visit is not found).</summary>
    public async Task<byte[]?> RenderAsync(long visitId, CancellationToken ct)
    {
        var visit = await VisitQueries
            .VisibleVisits(db, me)
            .AsNoTracking()
            .Include(v => v.Items)
            .SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
            return null;
        var w = await db
            .WorkOrders.AsNoTracking()
            .Include(x => x.Clocks)
            .Include(x => x.Assets)
            .SingleAsync(x => x.Id == visit.WorkOrderId, ct);
        var customer = await db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var assetIds = w.Assets.Select(a => a.AssetId).ToList();
        var assets = await db
            .Assets.Where(a => assetIds.Contains(a.Id))
            .Select(a => new
            {
                Type = a.ProductType!.Name,
                a.Location,
                Site = a.Site!.Name,
                a.Site.Address,
            })
            .ToListAsync(ct);
        var documents = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.Visit && d.OwnerId == visit.Id)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);

        CjkFontResolver.EnsureInstalled(config["Pdf:FontPath"]);
        var zone = w.TimeZone;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{T("服务报告")} {w.Number}";
        using (var page = new PdfPageWriter(pdf))
        {
            page.Title($"{config["Company:Name"] ?? T("售后服务中心")} {T("售后服务报告")}");
            page.Field(T("工单号"), w.Number);
            page.Field(T("用户单位"), customer);
            page.Field(T("服务地点"), string.Join("；", assets.Select(a => $"{a.Site} {a.Address}").Distinct()));
            page.Field(T("设备"), string.Join("；", assets.Select(a => $"{a.Type} · {a.Location}")));
            page.Field(T("问题描述"), w.Description);
            page.Field(T("维修工程师"), visit.TechnicianName);

            page.Heading(T("时间"));
            page.Field(T("受理时间"), Display.Instant(w.ReceivedAtUtc, zone));
            page.Field(T("到场时间"), Display.Instant(w.ClockOf(ClockKind.OnSite)?.MetAtUtc ?? visit.CheckInAtUtc, zone));
            page.Field(T("恢复时间"), Display.Instant(w.ClockOf(ClockKind.Restore)?.MetAtUtc, zone));
            page.Field(T("签到时间"), Display.Instant(visit.CheckInAtUtc, zone));
            page.Field(T("签退时间"), Display.Instant(visit.CheckOutAtUtc, zone));

            page.Heading(T("工作内容"));
            page.Paragraph(visit.WorkDone);
            page.Heading(T("故障分析"));
            page.Field(T("故障原因"), visit.FaultCause is { } c ? T(FaultCauseCategories.Title(c)) : null);
            page.Paragraph(visit.FaultAnalysis);
            page.Heading(T("维修步骤"));
            page.Paragraph(visit.RepairSteps);

            page.Heading(T("使用配件"));
            page.Table(
                [T("配件"), T("数量"), T("收费"), T("单价"), T("金额")],
                [0.4, 0.12, 0.14, 0.17, 0.17],
                [
                    .. visit
                        .Items.OrderBy(i => i.Id)
                        .Select(i =>
                            new[]
                            {
                                i.Part,
                                i.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                i.Chargeable ? T("收费") : T("免费"),
                                i.UnitPriceFen is { } p ? Display.Money(p) : "—",
                                Display.Money(i.AmountFen),
                            }
                        ),
                    ["", "", "", T("合计"), Display.Money(visit.ChargeableTotalFen)],
                ]
            );

            var photos = documents.Where(d => d.Kind == DocumentKind.RepairSitePhoto).ToList();
            if (photos.Count > 0)
            {
                page.Heading(T("现场照片"));
                page.Pictures([.. photos.Select(d => (Picture(d), T(d.Caption ?? "")))], 160, 120);
            }

            page.Heading(T("客户确认"));
            if (documents.FirstOrDefault(d => d.Id == visit.SignatureDocumentId) is { } signature)
                page.Pictures([(File.ReadAllBytes(store.PathOf(signature.Sha256)), "")], 200, 80);
            page.Field(T("签字人"), visit.SignerName);
            page.Field(T("客户评分"), visit.Rating is { } r ? new string('★', r) + new string('☆', 5 - r) + $" {r}/5" : null);
            page.Field(T("客户评价"), visit.RatingComment);
        }
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The stored thumbnail is enough for a report and keeps it small.</summary>
    byte[] Picture(Document d) =>
        File.ReadAllBytes(
            d.HasThumbnail && File.Exists(store.ThumbnailPathOf(d.Sha256)) ? store.ThumbnailPathOf(d.Sha256) : store.PathOf(d.Sha256)
        );
}

internal static class ServiceReportEndpoint
{
    public static async Task<IResult> GetAsync(long id, ServiceReport report, CancellationToken ct) =>
        await report.RenderAsync(id, ct) is { } pdf ? Results.File(pdf, "application/pdf", $"service-report-{id}.pdf") : Results.NotFound();
}
