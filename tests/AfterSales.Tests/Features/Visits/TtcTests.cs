using System.Buffers.Binary;
using AfterSales.Platform.Pdf;

namespace AfterSales.Tests.Features.Visits;

public sealed class TtcTests
{
    [Fact]
    public void Face_zero_of_a_font_collection_becomes_a_standalone_truetype_font_with_every_table_inside_it()
    {
        var collection = CjkFontResolver.Shipped();
        Ttc.IsCollection(collection).ShouldBeTrue();

        var font = Ttc.ExtractFace(collection, 0);

        Ttc.IsCollection(font).ShouldBeFalse();
        BinaryPrimitives.ReadUInt32BigEndian(font).ShouldBe(0x00010000u);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        tables.ShouldBeGreaterThan((ushort)8);
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            (offset % 4).ShouldBe(0u);
            (offset + length).ShouldBeLessThanOrEqualTo((uint)font.Length);
        }
        Should.Throw<ArgumentOutOfRangeException>(() => Ttc.ExtractFace(collection, 99));
    }
}
