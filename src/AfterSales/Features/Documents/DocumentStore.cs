using System.Globalization;
using System.Security.Cryptography;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Documents;

/// <summary>
/// The bytes of documents, content-addressed under <c>&lt;data folder&gt;/files/ab/cdef…</c> (the
/// SHA-256 in hex, split after two characters so no folder grows huge). A file is first written
/// to a temporary name in the same tree and then renamed into place, so a crash never leaves a
/// half-written file under a real name; identical content is stored once. Names given by users
/// are never part of a path.
/// </summary>
public sealed class DocumentStore(IConfiguration config)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public string Root { get; } = Path.Combine(DataSetup.DataFolder(config), "files");

    public long MaxBytes { get; } = config.GetValue<long?>("Documents:MaxBytes") is > 0 and { } max ? max : DefaultMaxBytes;

    public string PathOf(string sha256) => Path.Combine(Root, CheckedHex(sha256)[..2], sha256[2..]);

    public string ThumbnailPathOf(string sha256) => PathOf(sha256) + ".thumb.jpg";

    /// <summary>
    /// Copies an upload to a temporary file while hashing it, then checks size, type and (for
    /// images) that it decodes. Nothing is visible under a real name until <see cref="ReceivedFile.Commit"/>.
    /// </summary>
    public async Task<ReceivedFile> ReceiveAsync(Stream content, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".incoming-{Guid.NewGuid():N}.tmp");
        var received = new ReceivedFile(this, temp);
        try
        {
            long size = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > MaxBytes)
                        throw TooLarge();
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            if (size == 0)
                throw DomainException.For("File", "文件为空");

            FileType type;
            await using (var stored = File.OpenRead(temp))
                type = FileSignature.Detect(stored, fileName) ?? throw Unsupported();
            received.Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
            received.Size = size;
            received.Type = type;
            received.FileName = FileSignature.SafeFileName(fileName, type);
            received.Thumbnail = type.IsImage ? Thumbnails.Create(temp) : null;
            return received;
        }
        catch
        {
            received.Dispose();
            throw;
        }
    }

    public DomainException TooLarge() =>
        DomainException.For("File", "文件超过{0} MB 上限", (MaxBytes / (1024m * 1024m)).ToString("0.###", CultureInfo.InvariantCulture));

    static DomainException Unsupported() =>
        DomainException.For("File", "不支持的文件类型：只接受 JPEG、PNG、WebP 图片，PDF 和 Office 文档");

    /// <summary>Paths are built only from a well-formed hash, never from anything a user typed.</summary>
    static string CheckedHex(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new ArgumentException("not a lower-case SHA-256 hex string", nameof(sha256));

    /// <summary>Moves a finished temporary file to its final name; a file already there has the same content and is kept.</summary>
    internal static void Place(string temp, string final)
    {
        if (File.Exists(final))
        {
            File.Delete(temp);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        // Rename within one file system is atomic; two writers of the same content may race, and either copy is right.
        File.Move(temp, final, overwrite: true);
    }
}

/// <summary>An upload that passed every check, waiting in a temporary file until the caller commits it.</summary>
public sealed class ReceivedFile(DocumentStore store, string tempPath) : IDisposable
{
    public string Sha256 { get; internal set; } = "";
    public long Size { get; internal set; }
    public FileType Type { get; internal set; } = FileSignature.Pdf;

    /// <summary>The user's name for the file, cleaned (see <see cref="FileSignature.SafeFileName"/>); only shown.</summary>
    public string FileName { get; internal set; } = "";
    public byte[]? Thumbnail { get; internal set; }

    public void Commit()
    {
        if (Thumbnail is not null)
        {
            var thumbTemp = tempPath + ".thumb";
            using (var f = new FileStream(thumbTemp, FileMode.CreateNew, FileAccess.Write))
            {
                f.Write(Thumbnail);
                f.Flush(flushToDisk: true);
            }
            DocumentStore.Place(thumbTemp, store.ThumbnailPathOf(Sha256));
        }
        DocumentStore.Place(tempPath, store.PathOf(Sha256));
    }

    public void Dispose()
    {
        File.Delete(tempPath);
        File.Delete(tempPath + ".thumb");
    }
}
