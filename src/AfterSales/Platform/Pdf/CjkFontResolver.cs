using PdfSharp.Fonts;

namespace AfterSales.Platform.Pdf;

/// <summary>
/// Gives PDFsharp one font that has Chinese, Latin letters and digits: WenQuanYi Micro Hei
/// (TrueType outlines, so PDFsharp can subset and embed it), shipped inside the program
/// (Fonts/, Apache-2.0) so reports print on a machine with no CJK font installed. Noto CJK is
/// not used: its CFF outlines make PDFsharp embed the whole 13 MB face. Bold and italic are
/// simulated from the regular face.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "CJK";
    const string Face = "cjk-regular";
    const string ShippedFont = "AfterSales.Platform.Pdf.Fonts.wqy-microhei.ttc";

    static readonly Lock Gate = new();
    static bool _installed;

    readonly byte[] _font;

    CjkFontResolver(byte[] font) => _font = font;

    /// <summary>
    /// Installs the resolver once per process (PDFsharp's font settings are global). A configured
    /// font (Pdf:FontPath) replaces the shipped one; a configured path that does not exist is an error.
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
        var bytes = string.IsNullOrWhiteSpace(configuredPath) ? Shipped() : ReadConfigured(configuredPath);
        return Ttc.IsCollection(bytes) ? Ttc.ExtractFace(bytes, 0) : bytes;
    }

    static byte[] ReadConfigured(string path) =>
        File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException($"Pdf:FontPath names a font file that does not exist: {path}");

    /// <summary>The font collection shipped inside the program.</summary>
    internal static byte[] Shipped()
    {
        using var stream =
            typeof(CjkFontResolver).Assembly.GetManifestResourceStream(ShippedFont)
            ?? throw new InvalidOperationException($"The program was built without its PDF font ({ShippedFont}).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _font;
}
