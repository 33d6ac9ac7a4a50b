using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>One cell to write: an inline text, or a number (dates are numbers too) with a style.</summary>
internal readonly record struct XlsxCell(string? Text, double Number, uint Style);

/// <summary>
/// Writes one worksheet row by row as SpreadsheetML straight into the package part: nothing is kept
/// in memory but the row being written and no element objects are built, so 100,000 entries take
/// seconds (the SDK's own streaming writer spent most of its time building a Cell object per
/// value). Texts are inline strings; numbers and dates carry one of the workbook's styles
/// (<see cref="XlsxStyles"/>).
/// </summary>
internal sealed class XlsxSheet : IDisposable
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    readonly Stream _stream;
    readonly XmlWriter _xml;
    uint _row;

    public XlsxSheet(WorksheetPart part, double[] widths)
    {
        _stream = part.GetStream(FileMode.Create, FileAccess.Write);
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteStartElement("cols", Main);
        for (var i = 0; i < widths.Length; i++)
        {
            _xml.WriteStartElement("col", Main);
            _xml.WriteAttributeString("min", Invariant(i + 1));
            _xml.WriteAttributeString("max", Invariant(i + 1));
            _xml.WriteAttributeString("width", widths[i].ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("customWidth", "1");
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        _xml.WriteStartElement("sheetData", Main);
    }

    public void Skip() => _row++;

    /// <summary>A row of cells from column A; a null leaves its column empty.</summary>
    public void Row(params XlsxCell?[] cells)
    {
        _row++;
        var row = Invariant(_row);
        _xml.WriteStartElement("row", Main);
        _xml.WriteAttributeString("r", row);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } c)
                continue;
            _xml.WriteStartElement("c", Main);
            _xml.WriteAttributeString("r", Columns[i] + row);
            if (c.Style != XlsxStyles.Plain)
                _xml.WriteAttributeString("s", Invariant(c.Style));
            if (c.Text is { } text)
            {
                _xml.WriteAttributeString("t", "inlineStr");
                _xml.WriteStartElement("is", Main);
                _xml.WriteStartElement("t", Main);
                _xml.WriteAttributeString("xml", "space", null, "preserve");
                _xml.WriteString(Clean(text));
                _xml.WriteEndElement();
                _xml.WriteEndElement();
            }
            else
                _xml.WriteElementString("v", Main, c.Number.ToString("R", CultureInfo.InvariantCulture));
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    public static XlsxCell Text(string? value, uint style = XlsxStyles.Plain) => new(value ?? "", 0, style);

    public static XlsxCell Number(decimal value, uint style = XlsxStyles.Plain) => new(null, (double)value, style);

    public static XlsxCell Date(DateTime local) => new(null, local.ToOADate(), XlsxStyles.Instant);

    static readonly string[] Columns = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot carry (control characters typed into a description) are dropped, not fatal.</summary>
    static string Clean(string text) => text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Where(XmlConvert.IsXmlChar));

    public void Dispose()
    {
        _xml.WriteEndElement(); // sheetData
        _xml.WriteEndElement(); // worksheet
        _xml.WriteEndDocument();
        _xml.Dispose();
        _stream.Dispose();
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
