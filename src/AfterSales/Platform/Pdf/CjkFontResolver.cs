using PdfSharp.Fonts;

namespace AfterSales.Platform.Pdf;

/// <summary>
/// Gives PDFsharp one font that has Chinese, Latin letters and digits: WenQuanYi (TrueType
/// outlines, so PDFsharp can subset and embed it). Noto CJK is not used: its CFF outlines make
/// PDFsharp embed the whole 13 MB face. Bold and italic are simulated from the regular face.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "CJK";
    const string Face = "cjk-regular";

    static readonly string[] KnownPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ];

    static readonly Lock Gate = new();
    static bool _installed;

    readonly byte[] _font;

    CjkFontResolver(byte[] font) => _font = font;

    /// <summary>
    /// Installs the resolver once per process (PDFsharp's font settings are global). Throws with
    /// the package to install when no usable font is found.
    /// </summary>
    public static void EnsureInstalled(string? configuredPath)
    {
        lock (Gate)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver = new CjkFontResolver(Load(configuredPath));
            _installed = true;
        }
    }

    static byte[] Load(string? configuredPath)
    {
        var path =
            new[] { configuredPath }.Concat(KnownPaths).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p) && File.Exists(p))
            ?? throw new InvalidOperationException(
                "No Chinese font for PDF reports: install the Debian package fonts-wqy-microhei "
                    + "(apt-get install fonts-wqy-microhei) or set Pdf:FontPath to a TrueType .ttf/.ttc file."
            );
        var bytes = File.ReadAllBytes(path);
        return Ttc.IsCollection(bytes) ? Ttc.ExtractFace(bytes, 0) : bytes;
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _font;
}
