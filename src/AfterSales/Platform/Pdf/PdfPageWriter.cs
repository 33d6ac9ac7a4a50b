using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace AfterSales.Platform.Pdf;

/// <summary>
/// Writes a simple flowing A4 document top to bottom: headings, label/value lines, wrapped
/// paragraphs, tables and pictures, starting a new page when the current one is full.
/// Chinese text has no spaces, so lines are broken at any character that no longer fits.
/// </summary>
public sealed class PdfPageWriter : IDisposable
{
    const double Margin = 40;
    readonly PdfDocument _document;
    readonly XFont _body = new(CjkFontResolver.Family, 10);
    readonly XFont _bold = new(CjkFontResolver.Family, 10, XFontStyleEx.Bold);
    readonly XFont _heading = new(CjkFontResolver.Family, 12, XFontStyleEx.Bold);
    readonly XFont _title = new(CjkFontResolver.Family, 18, XFontStyleEx.Bold);
    PdfPage _page = null!;
    XGraphics _gfx = null!;
    double _y;

    public PdfPageWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    double Width => _page.Width.Point - 2 * Margin;
    double Bottom => _page.Height.Point - Margin;

    void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    void EnsureSpace(double height)
    {
        if (_y + height > Bottom)
            NewPage();
    }

    public void Title(string text)
    {
        EnsureSpace(30);
        _gfx.DrawString(text, _title, XBrushes.Black, new XRect(Margin, _y, Width, 24), XStringFormats.TopCenter);
        _y += 32;
    }

    public void Heading(string text)
    {
        EnsureSpace(40);
        _y += 6;
        _gfx.DrawString(text, _heading, XBrushes.DarkBlue, new XRect(Margin, _y, Width, 16), XStringFormats.TopLeft);
        _y += 17;
        _gfx.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
        _y += 5;
    }

    /// <summary>"Label: value", the value wrapped under itself.</summary>
    public void Field(string label, string? value)
    {
        const double LabelWidth = 110;
        var lines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, _body, Width - LabelWidth);
        EnsureSpace(14);
        _gfx.DrawString(label, _bold, XBrushes.Black, new XRect(Margin, _y, LabelWidth, 14), XStringFormats.TopLeft);
        foreach (var line in lines)
        {
            EnsureSpace(14);
            _gfx.DrawString(
                line,
                _body,
                XBrushes.Black,
                new XRect(Margin + LabelWidth, _y, Width - LabelWidth, 14),
                XStringFormats.TopLeft
            );
            _y += 14;
        }
    }

    /// <summary>A boxed notice across the line; <paramref name="alarm"/> makes it red and bold, for what must not be missed.</summary>
    public void Notice(string text, bool alarm)
    {
        var font = alarm ? _heading : _body;
        var lines = Wrap(text, font, Width - 12);
        var height = lines.Count * 16 + 8;
        EnsureSpace(height + 6);
        var (pen, brush) = alarm ? (new XPen(XColors.Red, 2), XBrushes.Red) : (XPens.Gray, XBrushes.Black);
        _gfx.DrawRectangle(pen, Margin, _y, Width, height);
        for (var i = 0; i < lines.Count; i++)
            _gfx.DrawString(lines[i], font, brush, new XRect(Margin + 6, _y + 4 + i * 16, Width - 12, 16), XStringFormats.TopLeft);
        _y += height + 6;
    }

    public void Paragraph(string? text)
    {
        foreach (var line in Wrap(string.IsNullOrWhiteSpace(text) ? "—" : text, _body, Width))
        {
            EnsureSpace(14);
            _gfx.DrawString(line, _body, XBrushes.Black, new XRect(Margin, _y, Width, 14), XStringFormats.TopLeft);
            _y += 14;
        }
    }

    /// <summary>A table with a header row; <paramref name="widths"/> are fractions of the line.</summary>
    public void Table(string[] header, double[] widths, IEnumerable<string[]> rows)
    {
        void Row(string[] cells, XFont font)
        {
            var cols = cells.Select((c, i) => Wrap(c, font, widths[i] * Width - 6)).ToList();
            var height = cols.Max(c => c.Count) * 13 + 4;
            EnsureSpace(height);
            var x = Margin;
            for (var i = 0; i < cols.Count; i++)
            {
                var w = widths[i] * Width;
                _gfx.DrawRectangle(XPens.Gray, x, _y, w, height);
                for (var l = 0; l < cols[i].Count; l++)
                    _gfx.DrawString(cols[i][l], font, XBrushes.Black, new XRect(x + 3, _y + 2 + l * 13, w - 6, 13), XStringFormats.TopLeft);
                x += w;
            }
            _y += height;
        }
        Row(header, _bold);
        foreach (var row in rows)
            Row(row, _body);
        _y += 4;
    }

    /// <summary>Pictures side by side, each scaled into a box; any image the store accepts (JPEG, PNG, WebP).</summary>
    public void Pictures(IReadOnlyList<(byte[] Image, string Caption)> pictures, double boxWidth, double boxHeight)
    {
        var perRow = Math.Max(1, (int)(Width / (boxWidth + 10)));
        foreach (var chunk in pictures.Chunk(perRow))
        {
            EnsureSpace(boxHeight + 18);
            var x = Margin;
            foreach (var (bytes, caption) in chunk)
            {
                using var image = XImage.FromStream(new MemoryStream(AsJpeg(bytes)));
                var scale = Math.Min(boxWidth / image.PointWidth, boxHeight / image.PointHeight);
                _gfx.DrawImage(image, x, _y, image.PointWidth * scale, image.PointHeight * scale);
                _gfx.DrawString(caption, _body, XBrushes.Black, new XRect(x, _y + boxHeight + 2, boxWidth, 14), XStringFormats.TopLeft);
                x += boxWidth + 10;
            }
            _y += boxHeight + 20;
        }
    }

    /// <summary>PDFsharp's own decoders are strict; a JPEG on white (signatures have transparency) always works.</summary>
    static byte[] AsJpeg(byte[] bytes)
    {
        using var image = SKImage.FromEncodedData(bytes) ?? throw new InvalidDataException("image cannot be decoded");
        using var surface = SKSurface.Create(new SKImageInfo(image.Width, image.Height));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, image.Width, image.Height), new SKSamplingOptions(SKFilterMode.Linear), null);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var c in paragraph)
            {
                if (line.Length > 0 && _gfx.MeasureString(line + c, font).Width > width)
                {
                    lines.Add(line);
                    line = "";
                }
                line += c;
            }
            lines.Add(line);
        }
        return lines;
    }

    public void Dispose() => _gfx.Dispose();
}
