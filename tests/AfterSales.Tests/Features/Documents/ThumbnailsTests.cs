using AfterSales.Features.Documents;
using AfterSales.Platform.Errors;
using SkiaSharp;

namespace AfterSales.Tests.Features.Documents;

public sealed class ThumbnailsTests : IDisposable
{
    readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    SKBitmap Thumbnail(byte[] image)
    {
        File.WriteAllBytes(_path, image);
        return SKBitmap.Decode(Thumbnails.Create(_path));
    }

    [Theory]
    [InlineData(1000, 500, 320, 160)]
    [InlineData(300, 1200, 80, 320)]
    [InlineData(100, 60, 100, 60)]
    public void A_picture_is_scaled_to_fit_320_pixels_without_enlarging_small_ones(int w, int h, int tw, int th)
    {
        using var thumb = Thumbnail(TestFiles.Jpeg(w, h));

        (thumb.Width, thumb.Height).ShouldBe((tw, th));
    }

    [Fact]
    public void A_phone_photo_taken_sideways_is_shown_upright()
    {
        // 200×100, orange top-left quadrant, tagged "rotate 90° clockwise to display" (EXIF 6).
        using var thumb = Thumbnail(WithExifOrientation(TestFiles.Jpeg(200, 100), 6));

        (thumb.Width, thumb.Height).ShouldBe((100, 200));
        // The orange corner moves from top-left to top-right.
        IsOrange(thumb.GetPixel(90, 10)).ShouldBeTrue();
        IsOrange(thumb.GetPixel(10, 10)).ShouldBeFalse();
    }

    [Fact]
    public void A_picture_that_does_not_decode_is_refused_as_corrupt()
    {
        File.WriteAllBytes(_path, TestFiles.TruncatedPng());

        Should.Throw<DomainException>(() => Thumbnails.Create(_path)).Message.ShouldBe("图片已损坏，无法读取");
    }

    static bool IsOrange(SKColor c) => c.Red > 200 && c.Green is > 120 and < 200 && c.Blue < 80;

    /// <summary>Inserts a minimal EXIF block (APP1, big-endian TIFF, one Orientation entry) after the JPEG's SOI marker.</summary>
    static byte[] WithExifOrientation(byte[] jpeg, byte orientation)
    {
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }
}
