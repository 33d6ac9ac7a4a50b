using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Features.Documents;

/// <summary>
/// <c>/documents/{id}</c> and <c>/documents/{id}/thumbnail</c> for pages (img src, links). A
/// document is visible exactly where its owner is (<see cref="DocumentVisibility"/>), so another
/// customer's document, or another technician's work-order photo, is simply not found: the same
/// 404 as an id that never existed.
/// </summary>
internal static class DocumentDownloads
{
    public static void MapDocumentDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/documents").RequireAuthorization(Policies.ReadMasterData).ExcludeFromDescription();
        files.MapGet(
            "/{id:long}",
            async (long id, AppDbContext db, CurrentUser me, DocumentStore store, HttpContext http, CancellationToken ct) =>
                await db.Documents.VisibleTo(db, me).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d
                    ? DocumentFiles.Content(http, store, d)
                    : Results.NotFound()
        );
        files.MapGet(
            "/{id:long}/thumbnail",
            async (long id, AppDbContext db, CurrentUser me, DocumentStore store, HttpContext http, CancellationToken ct) =>
                await db.Documents.VisibleTo(db, me).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.HasThumbnail, ct) is { } d
                    ? DocumentFiles.Thumbnail(http, store, d)
                    : Results.NotFound()
        );
    }
}

/// <summary>How a stored file is sent, for the pages' links and the API alike.</summary>
internal static class DocumentFiles
{
    public static IResult Content(HttpContext http, DocumentStore store, Document d)
    {
        var inline = FileSignature.ServesInline(d.ContentType);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        // filename="..." for old clients and filename*=UTF-8''... (RFC 5987) for Chinese names.
        disposition.SetHttpFileName(d.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Send(http, store.PathOf(d.Sha256), d.ContentType, d.Sha256, d.UploadedAtUtc);
    }

    public static IResult Thumbnail(HttpContext http, DocumentStore store, Document d) =>
        Send(http, store.ThumbnailPathOf(d.Sha256), "image/jpeg", d.Sha256 + "-thumb", d.UploadedAtUtc);

    static IResult Send(HttpContext http, string path, string contentType, string etag, DateTime modifiedUtc)
    {
        if (!File.Exists(path))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(DocumentFiles))
                .LogError("Stored file {Path} is missing", path);
            return Results.NotFound();
        }
        // The type was decided from the content: browsers must not guess another one.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Only the signed-in browser may keep a copy, and it asks again each time (cheap: 304 by ETag),
        // so a deleted document or a revoked login is honoured at once.
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(
            path,
            contentType,
            lastModified: new DateTimeOffset(modifiedUtc, TimeSpan.Zero),
            entityTag: new EntityTagHeaderValue($"\"{etag}\""),
            enableRangeProcessing: true
        );
    }
}
