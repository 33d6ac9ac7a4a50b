using AfterSales.Platform.Formatting;
using ClosedXML.Excel;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// The statement as an Excel workbook: a sheet of entries (with the header, the chain check, the
/// totals by kind and overall, and the net amount in Chinese capitals) and a sheet of evidence, one
/// row per clock, event, pause or document. Amounts are numbers in yuan formatted as money, so
/// they add up in Excel; instants are dates in the customer's time zone. Column widths are set by
/// hand: ClosedXML 0.95's AdjustToContents needs System.Drawing, which .NET has only on Windows.
/// </summary>
public static class StatementWorkbook
{
    public const string MoneyFormat = "¥#,##0.00";
    const string InstantFormat = "yyyy-mm-dd hh:mm";

    /// <summary>The columns of the entries table; <see cref="AmountColumn"/> holds the amount.</summary>
    public const int AmountColumn = 10;

    public static byte[] Render(StatementReport r)
    {
        using var book = new XLWorkbook();
        Entries(book.Worksheets.Add(T("明细")), r);
        Evidence(book.Worksheets.Add(T("证据")), r);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    static void Entries(IXLWorksheet ws, StatementReport r)
    {
        var c = r.Contract;
        ws.Cell(1, 1).Value = T("违约金结算单");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(16);
        var row = 2;
        foreach (
            var (label, value) in new[]
            {
                (T("合同编号"), c.Number),
                (T("合同名称"), c.Title),
                (T("用户单位"), c.CustomerName),
                (T("合同总额"), Display.Money(c.TotalFen)),
                (T("结算期间"), $"{StatementText.Period(r)} ({c.TimeZone})"),
                (T("生成时间"), r.Local(r.GeneratedAtUtc)),
            }
        )
        {
            ws.Cell(row, 1).Value = label;
            ws.Cell(row, 2).SetValue(value);
            row++;
        }
        ws.Cell(row, 1).Value = T("哈希链校验");
        var chain = ws.Cell(row, 2);
        chain.SetValue(StatementText.Chain(r));
        if (!r.Chain.Intact)
            chain.Style.Font.SetBold().Font.SetFontColor(XLColor.Red).Fill.SetBackgroundColor(XLColor.LightPink);
        row += 2;

        string[] header =
        [
            T("序号"),
            T("类型"),
            T("工单号"),
            T("发生时间"),
            T("记录时间"),
            T("记录人"),
            T("计算依据"),
            T("说明"),
            T("状态"),
            T("金额"),
        ];
        Header(ws, row, header);
        var first = row + 1;
        foreach (var l in r.Entries)
        {
            row++;
            ws.Cell(row, 1).SetValue(l.Sequence);
            ws.Cell(row, 2).SetValue(StatementText.Title(l, r));
            ws.Cell(row, 3).SetValue(l.WorkOrderNumber ?? "");
            ws.Cell(row, 4).SetValue(Display.ToLocal(l.OccurredAtUtc, r.TimeZone));
            ws.Cell(row, 5).SetValue(Display.ToLocal(l.RecordedAtUtc, r.TimeZone));
            ws.Cell(row, 6).SetValue(l.RecordedBy);
            ws.Cell(row, 7).SetValue(StatementText.Basis(l));
            ws.Cell(row, 8).SetValue(l.Description ?? "");
            ws.Cell(row, 9).SetValue(StatementText.Status(l, r));
            ws.Cell(row, AmountColumn).SetValue(l.AmountFen / 100m);
        }
        if (row >= first)
        {
            ws.Range(first, 4, row, 5).Style.NumberFormat.Format = InstantFormat;
            ws.Range(first, AmountColumn, row, AmountColumn).Style.NumberFormat.Format = MoneyFormat;
        }

        row += 2;
        Header(ws, row, [T("汇总"), T("类型"), "", "", "", "", "", "", T("笔数"), T("金额")]);
        foreach (var (kind, count, amount) in r.ByKind)
        {
            row++;
            ws.Cell(row, 2).SetValue(T(PenaltyKinds.Title(kind)));
            ws.Cell(row, 9).SetValue(count);
            Money(ws.Cell(row, AmountColumn), amount);
        }
        var t = r.Totals;
        foreach (
            var (label, fen) in new[]
            {
                (T("违约金合计"), t.PenaltiesFen),
                (T("损失赔偿合计"), t.LossesFen),
                (T("核销及冲销合计"), t.CancelledFen),
                (T("应付净额"), t.NetFen),
            }
        )
        {
            row++;
            ws.Cell(row, 2).SetValue(label).Style.Font.SetBold();
            Money(ws.Cell(row, AmountColumn), fen).Style.Font.SetBold();
        }
        ws.Cell(row, 9).SetValue(t.Entries);
        row++;
        ws.Cell(row, 2).SetValue(T("大写金额")).Style.Font.SetBold();
        ws.Cell(row, 3).SetValue(r.NetInCapitals).Style.Font.SetBold();

        double[] widths = [8, 22, 18, 17, 17, 12, 30, 36, 20, 16];
        for (var i = 0; i < widths.Length; i++)
            ws.Column(i + 1).Width = widths[i];
        ws.Column(2).Style.Alignment.SetWrapText();
    }

    static void Evidence(IXLWorksheet ws, StatementReport r)
    {
        Header(ws, 1, [T("序号"), T("类型"), T("证据"), T("内容"), T("发生时间"), T("记录时间"), T("记录人")]);
        var row = 1;
        foreach (var l in r.Entries)
        {
            foreach (var e in StatementText.Evidence(l, r))
            {
                row++;
                ws.Cell(row, 1).SetValue(l.Sequence);
                ws.Cell(row, 2).SetValue(StatementText.Title(l, r));
                ws.Cell(row, 3).SetValue(e.Kind);
                ws.Cell(row, 4).SetValue(e.Text);
                if (e.OccurredAtUtc is { } occurred)
                    ws.Cell(row, 5).SetValue(Display.ToLocal(occurred, r.TimeZone));
                if (e.RecordedAtUtc is { } recorded)
                    ws.Cell(row, 6).SetValue(Display.ToLocal(recorded, r.TimeZone));
                ws.Cell(row, 7).SetValue(e.By ?? "");
            }
        }
        if (row > 1)
            ws.Range(2, 5, row, 6).Style.NumberFormat.Format = InstantFormat;
        double[] widths = [8, 22, 10, 60, 17, 17, 12];
        for (var i = 0; i < widths.Length; i++)
            ws.Column(i + 1).Width = widths[i];
    }

    static void Header(IXLWorksheet ws, int row, string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
            ws.Cell(row, i + 1).SetValue(titles[i]);
        ws.Range(row, 1, row, titles.Length).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.LightGray);
    }

    static IXLCell Money(IXLCell cell, long fen)
    {
        cell.SetValue(fen / 100m);
        cell.Style.NumberFormat.Format = MoneyFormat;
        return cell;
    }
}
