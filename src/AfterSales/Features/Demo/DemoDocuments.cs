using System.Globalization;
using System.Text;
using AfterSales.Features.Contracts;
using AfterSales.Features.Documents;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace AfterSales.Features.Demo;

/// <summary>
/// Demo documents for the first contract, stored through the same path as real uploads: an
/// installation photo set for its first asset and two of the three deliverables, so that the
/// checklist shows one item (development material) still missing.
/// </summary>
internal static class DemoDocuments
{
    static readonly (string Caption, SKColor Colour, SKEncodedImageFormat Format)[] Steps =
    [
        ("测量定位", new SKColor(0x4A, 0x7D, 0xB5), SKEncodedImageFormat.Jpeg),
        ("安装骨架", new SKColor(0x8A, 0x8F, 0x96), SKEncodedImageFormat.Png),
        ("完工效果", new SKColor(0x2E, 0x8B, 0x57), SKEncodedImageFormat.Jpeg),
    ];

    public static async Task SeedAsync(IServiceProvider sp, Contract contract, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var attach = sp.GetRequiredService<AttachDocument>();
        var asset = await db.Assets.Where(a => a.ContractId == contract.Id).OrderBy(a => a.Id).FirstAsync(ct);

        for (var i = 0; i < Steps.Length; i++)
        {
            var (caption, colour, format) = Steps[i];
            var step = i + 1;
            var name = $"安装步骤{step}.{(format == SKEncodedImageFormat.Png ? "png" : "jpg")}";
            var photo = new NewDocument(DocumentOwner.Asset, asset.Id, DocumentKind.InstallationPhoto, step, caption);
            await attach.HandleAsync(photo, name, new MemoryStream(Photo(step, colour, format)), ct);
        }

        var manuals = new[]
        {
            (DocumentKind.UserManual, "用户手册.pdf", "User manual"),
            (DocumentKind.AdminManual, "管理员手册.pdf", "Administrator manual"),
        };
        foreach (var (kind, name, title) in manuals)
        {
            var pdf = Pdf(
                $"{title} - contract {contract.Number}",
                ["Signs and honor wall: care, cleaning and inspection.", "Hotline 7x24."]
            );
            await attach.HandleAsync(
                new NewDocument(DocumentOwner.Contract, contract.Id, kind, null, null),
                name,
                new MemoryStream(pdf),
                ct
            );
        }
    }

    /// <summary>A 640×480 picture of a sign panel on a wall, more finished at each step, with the step number.</summary>
    static byte[] Photo(int step, SKColor colour, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(640, 480));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xEE, 0xEA, 0xE2));
        using var line = new SKPaint
        {
            Color = SKColors.DimGray,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 3,
        };
        using var fill = new SKPaint { Color = colour, IsAntialias = true };
        var panel = new SKRect(140, 120, 500, 360);
        if (step == 1)
        {
            // Marking out: cross-hairs and corner marks where the panel will go.
            canvas.DrawLine(panel.MidX, 60, panel.MidX, 420, line);
            canvas.DrawLine(80, panel.MidY, 560, panel.MidY, line);
            foreach (
                var (x, y) in new[]
                {
                    (panel.Left, panel.Top),
                    (panel.Right, panel.Top),
                    (panel.Left, panel.Bottom),
                    (panel.Right, panel.Bottom),
                }
            )
                canvas.DrawCircle(x, y, 8, fill);
        }
        else if (step == 2)
        {
            // The frame: outline and uprights, no face yet.
            canvas.DrawRect(panel, line);
            for (var x = panel.Left + 90; x < panel.Right; x += 90)
                canvas.DrawLine(x, panel.Top, x, panel.Bottom, line);
        }
        else
        {
            canvas.DrawRect(panel, fill);
        }
        canvas.DrawCircle(60, 60, 36, fill);
        DrawDigit(canvas, step, 60, 60);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 85);
        return data.ToArray();
    }

    /// <summary>
    /// The step number as a seven-segment digit: the packaged Skia build has no font manager,
    /// so text would not render, and lines look the same on every machine.
    /// </summary>
    static void DrawDigit(SKCanvas canvas, int digit, float cx, float cy)
    {
        string[] segments = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"];
        var (x0, x1, y0, y1, y2) = (cx - 11, cx + 11, cy - 20, cy, cy + 20);
        using var pen = new SKPaint
        {
            Color = SKColors.White,
            IsAntialias = true,
            StrokeWidth = 6,
            StrokeCap = SKStrokeCap.Round,
        };
        foreach (var segment in segments[digit % 10])
        {
            var (a, b) = segment switch
            {
                'a' => ((x0, y0), (x1, y0)),
                'b' => ((x1, y0), (x1, y1)),
                'c' => ((x1, y1), (x1, y2)),
                'd' => ((x0, y2), (x1, y2)),
                'e' => ((x0, y1), (x0, y2)),
                'f' => ((x0, y0), (x0, y1)),
                _ => ((x0, y1), (x1, y1)),
            };
            canvas.DrawLine(a.Item1, a.Item2, b.Item1, b.Item2, pen);
        }
    }

    /// <summary>A one-page PDF written by hand (ASCII text in Helvetica), with a correct cross-reference table.</summary>
    internal static byte[] Pdf(string title, string[] lines)
    {
        static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
        var text = new StringBuilder($"BT /F1 20 Tf 72 760 Td ({Escape(title)}) Tj /F1 12 Tf");
        foreach (var l in lines)
            text.Append(CultureInfo.InvariantCulture, $" 0 -24 Td ({Escape(l)}) Tj");
        text.Append(" ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // Every character is ASCII, so string offsets are byte offsets.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
