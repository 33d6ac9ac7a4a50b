using System.Globalization;
using AfterSales.Features.Contracts;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Pdf;
using PdfSharp.Pdf;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// The statement as a PDF for signing and filing: header, the chain check (a red box when the
/// ledger is broken), totals by kind and overall with the net amount in Chinese capitals, the
/// entries, and their evidence; pages follow as long as there are entries.
/// </summary>
public static class StatementPdf
{
    public static byte[] Render(StatementReport r, string? fontPath)
    {
        CjkFontResolver.EnsureInstalled(fontPath);
        var c = r.Contract;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{T("违约金结算单")} {c.Number}";
        using (var page = new PdfPageWriter(pdf))
        {
            page.Title(T("违约金结算单"));
            page.Field(T("合同编号"), c.Number);
            page.Field(T("合同名称"), c.Title);
            page.Field(T("用户单位"), c.CustomerName);
            page.Field(T("合同总额"), Display.Money(c.TotalFen));
            page.Field(T("违约金上限"), TermsDisplay.Cap(c.PenaltyCapBp) + (c.CapFen is { } cap ? $"（{Display.Money(cap)}）" : ""));
            page.Field(T("结算期间"), $"{StatementText.Period(r)} ({c.TimeZone})");
            page.Field(T("生成时间"), r.Local(r.GeneratedAtUtc));
            page.Field(T("末条记录哈希"), StatementText.Head(r));
            page.Notice(StatementText.Chain(r), alarm: !r.Chain.Intact);

            var t = r.Totals;
            page.Heading(T("汇总"));
            page.Table(
                [T("类型"), T("笔数"), T("金额")],
                [0.5, 0.2, 0.3],
                [
                    .. r.ByKind.Select(k => new[] { T(PenaltyKinds.Title(k.Kind)), Count(k.Count), Display.Money(k.AmountFen) }),
                    [T("违约金合计"), "", Display.Money(t.PenaltiesFen)],
                    [T("损失赔偿合计"), "", Display.Money(t.LossesFen)],
                    [T("核销及冲销合计"), "", Display.Money(t.CancelledFen)],
                    [T("应付净额"), Count(t.Entries), Display.Money(t.NetFen)],
                ]
            );
            page.Field(T("大写金额"), r.NetInCapitals);

            page.Heading(T("明细"));
            if (r.Entries.Count == 0)
                page.Paragraph(T("本期间没有违约金记录"));
            else
                page.Table(
                    [T("序号"), T("类型"), T("发生时间"), T("工单号"), T("计算依据"), T("状态"), T("金额")],
                    [0.07, 0.17, 0.15, 0.15, 0.2, 0.12, 0.14],
                    r.Entries.Select(l =>
                        new[]
                        {
                            Count(l.Sequence),
                            StatementText.Title(l, r),
                            r.Local(l.OccurredAtUtc),
                            l.WorkOrderNumber ?? "",
                            l.Description is { } d ? $"{StatementText.Basis(l)} {d}".Trim() : StatementText.Basis(l),
                            StatementText.Status(l, r),
                            Display.Money(l.AmountFen),
                        }
                    )
                );

            var evidence = r.Entries.SelectMany(l => StatementText.Evidence(l, r).Select(e => (l, e))).ToList();
            if (evidence.Count > 0)
            {
                page.Heading(T("证据"));
                page.Table(
                    [T("序号"), T("证据"), T("内容"), T("发生 / 记录")],
                    [0.07, 0.1, 0.53, 0.3],
                    evidence.Select(x =>
                        new[]
                        {
                            Count(x.l.Sequence),
                            x.e.Kind,
                            x.e.Text,
                            x.e.OccurredAtUtc is null ? "" : $"{r.Local(x.e.OccurredAtUtc)} / {r.Local(x.e.RecordedAtUtc)} {x.e.By}".Trim(),
                        }
                    )
                );
            }
        }
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
}
