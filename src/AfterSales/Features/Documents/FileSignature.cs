using System.IO.Compression;

namespace AfterSales.Features.Documents;

/// <summary>A file type the system accepts, with the extensions a download of it may carry.</summary>
public sealed record FileType(string ContentType, string[] Extensions)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// Decides what a file is from its first bytes (and, for Office documents, its zip directory),
/// never from its name: a script renamed .jpg is refused. Only the allow-list below is accepted.
/// </summary>
public static class FileSignature
{
    public static readonly FileType Jpeg = new("image/jpeg", [".jpg", ".jpeg", ".jfif"]);
    public static readonly FileType Png = new("image/png", [".png"]);
    public static readonly FileType WebP = new("image/webp", [".webp"]);
    public static readonly FileType Pdf = new("application/pdf", [".pdf"]);
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileType Doc = new("application/msword", [".doc", ".dot"]);
    public static readonly FileType Xls = new("application/vnd.ms-excel", [".xls", ".xlt"]);
    public static readonly FileType Ppt = new("application/vnd.ms-powerpoint", [".ppt", ".pps", ".pot"]);

    /// <summary>Any other OLE compound file (WPS, Visio, Outlook message…).</summary>
    public static readonly FileType OtherOle = new("application/vnd.ms-office", [".wps", ".et", ".dps", ".vsd", ".msg", ".pub", ".mpp"]);

    /// <summary>
    /// Served inline (shown in the browser); everything else is a download. Browsers render none
    /// of these as active content, and HTML/SVG never get past <see cref="Detect"/> anyway.
    /// </summary>
    static readonly HashSet<string> InlineTypes = [Jpeg.ContentType, Png.ContentType, WebP.ContentType, Pdf.ContentType];

    /// <summary>For the file input's <c>accept</c> attribute: a hint to the picker, not a check.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps";

    static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool ServesInline(string contentType) => InlineTypes.Contains(contentType);

    public static FileType? Detect(byte[] content, string fileName) => Detect(new MemoryStream(content, writable: false), fileName);

    /// <summary>The type of a seekable stream's content, or null when it is not on the allow-list.</summary>
    public static FileType? Detect(Stream content, string fileName)
    {
        var head = new byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, read);
        if (h.StartsWith(JpegMagic))
            return Jpeg;
        if (h.StartsWith(PngMagic))
            return Png;
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
            return WebP;
        if (h.StartsWith(PdfMagic))
            return Pdf;
        if (h.StartsWith(OleMagic))
            return OleByName(fileName);
        if (h.StartsWith(ZipMagic))
            return OfficeZip(content);
        return null;
    }

    /// <summary>
    /// Legacy Office files share one container format; the name may only choose among those
    /// types, so it can never turn a file into something the content is not.
    /// </summary>
    static FileType OleByName(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return new[] { Doc, Xls, Ppt }.FirstOrDefault(t => t.Extensions.Contains(ext)) ?? OtherOle;
    }

    /// <summary>An Office Open XML package: a zip with [Content_Types].xml and a Word, Excel or PowerPoint part. A plain zip is refused.</summary>
    static FileType? OfficeZip(Stream content)
    {
        try
        {
            content.Position = 0;
            // Only the central directory is read; nothing is decompressed (no zip-bomb exposure).
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
                return null;
            bool Has(string folder) => names.Any(n => n.StartsWith(folder, StringComparison.Ordinal));
            return Has("word/") ? Docx
                : Has("xl/") ? Xlsx
                : Has("ppt/") ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The uploaded name made safe to show and to offer as a download name: no folders, no
    /// control characters, at most 255 characters, and an extension that matches the content
    /// (a PDF called report.html is offered as report.html.pdf, so it never opens as a page).
    /// </summary>
    public static string SafeFileName(string fileName, FileType type)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([
            .. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')),
        ]).Trim();
        if (name.Trim('.').Length == 0)
            name = "file";
        if (!type.Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            name += type.Extensions[0];
        const int Max = 255;
        if (name.Length > Max)
        {
            var ext = Path.GetExtension(name);
            name = name[..(Max - ext.Length)] + ext;
        }
        return name;
    }
}
