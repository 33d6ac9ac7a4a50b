using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

internal static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/documents").WithTags("Documents");
        g.MapGet("/", List).RequireAuthorization(Policies.ReadMasterData);
        g.MapGet("/{id:long}", Get).RequireAuthorization(Policies.ReadMasterData);
        g.MapGet("/{id:long}/content", Content).RequireAuthorization(Policies.ReadMasterData);
        // Antiforgery is checked in Upload itself, for cookie callers only (see there).
        g.MapPost("/", Upload).RequireAuthorization(Policies.EditMasterData).DisableAntiforgery();
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(Policies.EditMasterData);
    }

    static async Task<Ok<List<DocumentOutput>>> List(
        DocumentOwner ownerType,
        long ownerId,
        AppDbContext db,
        CurrentUser me,
        CancellationToken ct
    )
    {
        var owner = await DocumentOwners.FindAsync(db, me, ownerType, ownerId, ct);
        var documents = await db
            .Documents.VisibleTo(db, me)
            .AsNoTracking()
            .Where(d => d.OwnerType == owner.Type && d.OwnerId == owner.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(DocumentOrder.Sort(documents).Select(DocumentOutput.From).ToList());
    }

    static async Task<Results<Ok<DocumentOutput>, NotFound>> Get(long id, AppDbContext db, CurrentUser me, CancellationToken ct) =>
        await db.Documents.VisibleTo(db, me).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d
            ? TypedResults.Ok(DocumentOutput.From(d))
            : TypedResults.NotFound();

    static async Task<IResult> Content(
        long id,
        AppDbContext db,
        CurrentUser me,
        DocumentStore store,
        HttpContext http,
        CancellationToken ct
    ) =>
        await db.Documents.VisibleTo(db, me).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d
            ? DocumentFiles.Content(http, store, d)
            : TypedResults.NotFound();

    /// <summary>
    /// Machines post with an API key; a signed-in browser may post too. A multipart form is a
    /// "simple" cross-origin request that CORS does not preflight, so another site could make a
    /// victim's browser send one with the victim's cookie. Cookie-authenticated callers therefore
    /// must send the antiforgery token (header <c>RequestVerificationToken</c> or form field), as
    /// the pages do; API-key callers cannot be driven by a foreign site and need none.
    /// </summary>
    static async Task<Results<Created<DocumentOutput>, ValidationProblem, ProblemHttpResult>> Upload(
        [FromForm] DocumentUploadForm form,
        HttpContext http,
        IAntiforgery antiforgery,
        AttachDocument attach,
        CancellationToken ct
    )
    {
        if (http.User.Identity?.AuthenticationType != ApiKeyHandler.SchemeName && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Texts.T("请求缺少有效的防伪令牌"));
        var errors = ValidationMessages.Validate(form);
        if (form.File is null or { Length: 0, FileName.Length: 0 })
            errors["file"] = [Texts.T("请选择文件")];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        await using var content = form.File!.OpenReadStream();
        var input = new NewDocument(form.OwnerType!.Value, form.OwnerId!.Value, form.Kind!.Value, form.Step, form.Caption);
        var document = await attach.HandleAsync(input, form.File.FileName, content, ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentOutput.From(document));
    }

    static async Task<Results<NoContent, NotFound>> Delete(long id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var document = await db.Documents.VisibleTo(db, me).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
            return TypedResults.NotFound();
        // The row goes (and the audit trail keeps what it said); the bytes stay, other rows may share them.
        db.Documents.Remove(document);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>multipart/form-data for <c>POST /api/v1/documents</c>.</summary>
public sealed class DocumentUploadForm
{
    [Required, Display(Name = "所属记录类型")]
    public DocumentOwner? OwnerType { get; set; }

    [Required, Display(Name = "所属记录")]
    public long? OwnerId { get; set; }

    [Required, Display(Name = "文档类型")]
    public DocumentKind? Kind { get; set; }

    /// <summary>Position in an installation photo set (1, 2, 3…); installation photos only.</summary>
    [Range(1, Document.MaxStep), Display(Name = "步骤")]
    public int? Step { get; set; }

    [StringLength(Document.MaxCaption), Display(Name = "说明")]
    public string? Caption { get; set; }

    [Display(Name = "文件")]
    public IFormFile? File { get; set; }
}

public sealed record DocumentOutput(
    long Id,
    DocumentOwner OwnerType,
    long OwnerId,
    DocumentKind Kind,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    int? Step,
    string? Caption,
    DateTime UploadedAtUtc,
    string UploadedBy,
    string ContentUrl,
    string? ThumbnailUrl
)
{
    public static DocumentOutput From(Document d) =>
        new(
            d.Id,
            d.OwnerType,
            d.OwnerId,
            d.Kind,
            d.FileName,
            d.ContentType,
            d.SizeBytes,
            d.Sha256,
            d.Step,
            d.Caption,
            d.UploadedAtUtc,
            d.UploadedBy,
            $"/api/v1/documents/{d.Id}/content",
            d.HasThumbnail ? $"/documents/{d.Id}/thumbnail" : null
        );
}
