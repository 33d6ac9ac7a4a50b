using System.Buffers.Binary;

namespace AfterSales.Platform.Pdf;

/// <summary>
/// PDFsharp reads single TrueType files only, while the CJK fonts of Debian ship as collections
/// (.ttc). A collection is several font directories sharing one file: copying one face's tables
/// out and rewriting their offsets gives a standalone .ttf.
/// </summary>
public static class Ttc
{
    const int TableRecordSize = 16;
    const int OffsetTableSize = 12;

    public static bool IsCollection(ReadOnlySpan<byte> font) => font.Length >= 12 && font[..4].SequenceEqual("ttcf"u8);

    public static byte[] ExtractFace(byte[] collection, int face)
    {
        if (!IsCollection(collection))
            throw new InvalidDataException("not a TrueType collection");
        var faces = ReadUInt32(collection, 8);
        if (face < 0 || face >= faces)
            throw new ArgumentOutOfRangeException(nameof(face), $"the collection has {faces} faces");
        var directory = (int)ReadUInt32(collection, 12 + 4 * face);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(directory + 4));

        var headerSize = OffsetTableSize + TableRecordSize * tables;
        var size = headerSize;
        for (var i = 0; i < tables; i++)
            size += Padded((int)ReadUInt32(collection, directory + OffsetTableSize + i * TableRecordSize + 12));

        var font = new byte[size];
        collection.AsSpan(directory, headerSize).CopyTo(font);
        var next = headerSize;
        for (var i = 0; i < tables; i++)
        {
            var record = OffsetTableSize + i * TableRecordSize;
            var offset = (int)ReadUInt32(collection, directory + record + 8);
            var length = (int)ReadUInt32(collection, directory + record + 12);
            collection.AsSpan(offset, length).CopyTo(font.AsSpan(next));
            // Same checksum and length; only where the table now lives changes.
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 8), (uint)next);
            next += Padded(length);
        }
        return font;
    }

    static int Padded(int length) => (length + 3) & ~3;

    static uint ReadUInt32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
}
