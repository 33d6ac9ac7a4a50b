using AfterSales.Platform.Errors;

namespace AfterSales.Features.Documents;

/// <summary>A signature pad's PNG data URL, decoded and checked before it is stored as a document.</summary>
public sealed class SignaturePng(DocumentStore store)
{
    public byte[] Decode(string? text)
    {
        const string Prefix = "data:image/png;base64,";
        var base64 = (text ?? "").Trim();
        if (base64.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            base64 = base64[Prefix.Length..];
        // Base64 is 4 characters per 3 bytes: refuse an oversized signature before decoding it.
        if (base64.Length / 4 * 3 > store.MaxBytes)
            throw store.TooLarge();
        var bytes = new byte[base64.Length / 4 * 3 + 3];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, bytes, out var written))
            throw DomainException.For("Png", "签名图片无法读取，请重新签字");
        var png = bytes[..written];
        if (FileSignature.Detect(png, "signature.png") != FileSignature.Png)
            throw DomainException.For("Png", "签名必须是 PNG 图片");
        return png;
    }
}
