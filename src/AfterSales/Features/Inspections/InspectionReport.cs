using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 巡检报告: what the customer signs off after a round, as a PDF — the site and window, each asset's
/// checklist with results, notes and proposals (建议), the photos of what was found, the preventive
/// work orders opened, the signature and the satisfaction with the visit.
/// </summary>
public sealed class InspectionReport(AppDbContext db, CurrentUser me, DocumentStore store, IConfiguration config)
{
    /// <summary>The report of a round the caller may see, or null (another's round is not found).</summary>
    public async Task<byte[]?> RenderAsync(long roundId, CancellationToken ct)
    {
        var round = await InspectionVisibility
            .Rounds(db, me)
            .AsNoTracking()
            .Include(r => r.Assets)
            .Include(r => r.Findings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
            return null;
        var customer = await db.Customers.Where(c => c.Id == round.CustomerId).Select(c => new { c.Name, c.TimeZone }).SingleAsync(ct);
        var site = await db.Sites.Where(s => s.Id == round.SiteId).Select(s => s.Name + " " + s.Address).SingleAsync(ct);
        var assetIds = round.Assets.Select(a => a.AssetId).ToList();
        var assets = await db
            .Assets.Where(a => assetIds.Contains(a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                Type = a.ProductType!.Name,
                a.Location,
            })
            .ToListAsync(ct);
        var findingIds = round.Findings.Select(f => f.Id).ToList();
        var documents = await db
            .Documents.AsNoTracking()
            .Where(d =>
                (d.OwnerType == DocumentOwner.InspectionFinding && findingIds.Contains(d.OwnerId))
                || (d.OwnerType == DocumentOwner.InspectionRound && d.OwnerId == round.Id)
            )
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var workOrderIds = round.Findings.Where(f => f.WorkOrderId != null).Select(f => f.WorkOrderId!.Value).ToList();
        var workOrders = await db.WorkOrders.Where(w => workOrderIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Number, ct);

        CjkFontResolver.EnsureInstalled(config["Pdf:FontPath"]);
        var zone = customer.TimeZone;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{T("巡检报告")} {round.SeasonYear}";
        using (var page = new PdfPageWriter(pdf))
        {
            page.Title($"{config["Company:Name"] ?? T("售后服务中心")} {T(InspectionTitles.Season(round.Season))}{T("巡检报告")}");
            page.Field(T("用户单位"), customer.Name);
            page.Field(T("巡检地点"), site);
            page.Field(T("巡检窗口"), $"{Display.Date(round.WindowFrom)} – {Display.Date(round.WindowUntil)}");
            page.Field(T("状态"), T(InspectionTitles.Status(round.Status)));
            page.Field(T("维修工程师"), round.TechnicianName);
            page.Field(T("签到时间"), Display.Instant(round.CheckInAtUtc, zone));
            page.Field(T("签退时间"), Display.Instant(round.CheckOutAtUtc, zone));
            if (round.Status == RoundStatus.Missed)
                page.Notice(T("巡检窗口结束时未完成巡检"), alarm: true);

            foreach (var a in assets)
            {
                page.Heading($"{a.Type} · {a.Location}");
                page.Table(
                    [T("检查项"), T("结果"), T("情况说明"), T("建议"), T("处理")],
                    [0.24, 0.1, 0.26, 0.24, 0.16],
                    round
                        .Findings.Where(f => f.AssetId == a.Id)
                        .OrderBy(f => f.ChecklistItemId)
                        .Select(f =>
                            new[]
                            {
                                f.ItemText,
                                T(InspectionTitles.Result(f.Result)),
                                f.Notes ?? "",
                                f.Proposal ?? "",
                                f.IsProblem
                                    ? T(InspectionTitles.Outcome(f.Outcome))
                                        + (f.WorkOrderId is { } w && workOrders.TryGetValue(w, out var n) ? " " + n : "")
                                    : "",
                            }
                        )
                );
                var photos = documents
                    .Where(d => d.OwnerType == DocumentOwner.InspectionFinding && d.IsImage)
                    .Where(d => round.Findings.Any(f => f.Id == d.OwnerId && f.AssetId == a.Id))
                    .ToList();
                if (photos.Count > 0)
                    page.Pictures([.. photos.Select(d => (Picture(d), d.Caption ?? ""))], 160, 120);
            }

            page.Heading(T("客户确认"));
            if (documents.FirstOrDefault(d => d.Id == round.SignatureDocumentId) is { } signature)
                page.Pictures([(File.ReadAllBytes(store.PathOf(signature.Sha256)), "")], 200, 80);
            page.Field(T("签字人"), round.SignerName);
            page.Field(T("回访满意度"), round.Satisfaction is { } s ? new string('★', s) + new string('☆', 5 - s) + $" {s}/5" : null);
            page.Field(T("客户意见"), round.SatisfactionComment);
        }
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    byte[] Picture(Document d) =>
        File.ReadAllBytes(
            d.HasThumbnail && File.Exists(store.ThumbnailPathOf(d.Sha256)) ? store.ThumbnailPathOf(d.Sha256) : store.PathOf(d.Sha256)
        );
}

internal static class InspectionReportEndpoint
{
    public static async Task<IResult> GetAsync(long id, InspectionReport report, CancellationToken ct) =>
        await report.RenderAsync(id, ct) is { } pdf
            ? Results.File(pdf, "application/pdf", $"inspection-report-{id}.pdf")
            : Results.NotFound();
}
