using AfterSales.Platform.Errors;
using SkiaSharp;

namespace AfterSales.Features.Documents;

/// <summary>
/// Small JPEG previews of uploaded images (fit into 320 px, quality 80), upright as the camera
/// meant them (EXIF orientation). Decoding is also the integrity check: an image that does not
/// decode completely is refused as corrupt.
/// </summary>
internal static class Thumbnails
{
    public const int Size = 320;

    /// <summary>Larger pictures would need gigabytes to decode; phones take at most about 200 MP.</summary>
    const long MaxDecodedPixels = 100_000_000;

    public static byte[] Create(string imagePath)
    {
        using var codec = SKCodec.Create(imagePath) ?? throw Corrupt();
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
            throw Corrupt();

        // JPEG and WebP decode straight to a fraction of their size, which keeps big photos cheap.
        var decodeScale = Math.Min(1f, 2f * Size / Math.Max(info.Width, info.Height));
        var decoded = codec.GetScaledDimensions(decodeScale);
        if ((long)decoded.Width * decoded.Height > MaxDecodedPixels)
            throw DomainException.For("File", "图片尺寸过大，无法处理");
        using var bitmap = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
            throw Corrupt();

        var origin = codec.EncodedOrigin;
        var turned =
            origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
        var fit = Math.Min(1d, (double)Size / Math.Max(w, h));
        var (tw, th) = (Math.Max(1, (int)Math.Round(w * fit)), Math.Max(1, (int)Math.Round(h * fit)));
        // Size of the picture before turning, in thumbnail pixels.
        var (sw, sh) = turned ? (th, tw) : (tw, th);

        using var surface = SKSurface.Create(new SKImageInfo(tw, th, SKColorType.Rgba8888, SKAlphaType.Premul)) ?? throw Corrupt();
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no transparency
        canvas.SetMatrix(Orientation(origin, sw, sh));
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, new SKRect(0, 0, sw, sh), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 80) ?? throw Corrupt();
        return jpeg.ToArray();
    }

    /// <summary>Maps the stored picture (sw × sh) onto the upright thumbnail, per the EXIF orientation tag.</summary>
    static SKMatrix Orientation(SKEncodedOrigin origin, float sw, float sh) =>
        origin switch
        {
            SKEncodedOrigin.TopRight => new(-1, 0, sw, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new(-1, 0, sw, 0, -1, sh, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new(1, 0, 0, 0, -1, sh, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new(0, -1, sh, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new(0, -1, sh, -1, 0, sw, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new(0, 1, 0, -1, 0, sw, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

    static DomainException Corrupt() => DomainException.For("File", "图片已损坏，无法读取");
}
