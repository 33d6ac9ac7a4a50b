using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// Writes one worksheet row by row with the Open XML SDK's streaming writer: nothing is kept in
/// memory but the row being written, so 100,000 entries are written in seconds. Texts are inline
/// strings; numbers and dates carry one of the workbook's styles (<see cref="XlsxStyles"/>).
/// </summary>
internal sealed class XlsxSheet : IDisposable
{
    readonly OpenXmlWriter _writer;
    uint _row;

    public XlsxSheet(WorksheetPart part, double[] widths)
    {
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Length; i++)
            _writer.WriteElement(
                new Column
                {
                    Min = (uint)(i + 1),
                    Max = (uint)(i + 1),
                    Width = widths[i],
                    CustomWidth = true,
                }
            );
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The row the next <see cref="Row"/> writes (1-based).</summary>
    public uint Next => _row + 1;

    public void Skip() => _row++;

    /// <summary>A row of cells from column A; a null leaves its column empty.</summary>
    public void Row(params Cell?[] cells)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } c)
                continue;
            c.CellReference = Column(i) + _row.ToString(CultureInfo.InvariantCulture);
            _writer.WriteElement(c);
        }
        _writer.WriteEndElement();
    }

    public static Cell Text(string? value, uint style = XlsxStyles.Plain) =>
        new()
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };

    public static Cell Number(decimal value, uint style = XlsxStyles.Plain) =>
        new() { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = style };

    public static Cell Date(DateTime local) =>
        new() { CellValue = new CellValue(local.ToOADate().ToString("R", CultureInfo.InvariantCulture)), StyleIndex = XlsxStyles.Instant };

    static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        _writer.Dispose();
    }
}

/// <summary>The few cell styles a statement needs, by their index in the workbook's stylesheet.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0;
    public const uint Money = 1;
    public const uint Instant = 2;
    public const uint Bold = 3;
    public const uint Alarm = 4;
    public const uint BoldMoney = 5;
    public const uint Title = 6;

    public static Stylesheet Sheet(string moneyFormat, string instantFormat) =>
        new(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = moneyFormat },
                new NumberingFormat { NumberFormatId = 165, FormatCode = instantFormat }
            ),
            new Fonts(
                new Font(new FontSize { Val = 11 }),
                new Font(new Bold(), new FontSize { Val = 11 }),
                new Font(new Bold(), new Color { Rgb = "FFFF0000" }, new FontSize { Val = 11 }),
                new Font(new Bold(), new FontSize { Val = 16 })
            ),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })
            ),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat
                {
                    FontId = 1,
                    NumberFormatId = 164,
                    ApplyFont = true,
                    ApplyNumberFormat = true,
                },
                new CellFormat { FontId = 3, ApplyFont = true }
            )
        );
}
