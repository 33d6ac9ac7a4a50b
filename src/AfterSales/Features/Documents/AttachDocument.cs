using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Documents;

/// <summary>What is said about a file being attached; the file itself comes separately.</summary>
public sealed record NewDocument(DocumentOwner Owner, long OwnerId, DocumentKind Kind, int? Step, string? Caption);

/// <summary>
/// Attaches a file to a customer, contract, asset, work order or visit: used by the upload page,
/// the API, the work-order and visit pages and the demo data. Checks run cheapest first and nothing is stored until all have passed; the
/// document belongs to the owner's customer, so it is visible exactly where the owner is.
/// Callers decide who may attach (<see cref="Policies.EditMasterData"/>, or handling the work
/// order); an owner the caller may not see is not found.
/// </summary>
public sealed class AttachDocument(AppDbContext db, DocumentStore store, TimeProvider clock, CurrentUser me)
{
    public async Task<Document> HandleAsync(NewDocument input, string fileName, Stream content, CancellationToken ct)
    {
        Document.CheckDetails(input.Kind, input.Step, input.Caption);
        var owner = await DocumentOwners.FindAsync(db, me, input.Owner, input.OwnerId, ct);

        using var file = await store.ReceiveAsync(content, fileName, ct);
        if (Document.IsPhotoKind(input.Kind) && !file.Type.IsImage)
            throw DomainException.For("File", "照片必须是 JPEG、PNG 或 WebP 图片");
        file.Commit();

        var document = Document.Create(
            owner.CustomerId,
            owner.Type,
            owner.Id,
            input.Kind,
            file.FileName,
            file.Type.ContentType,
            file.Size,
            file.Sha256,
            file.Thumbnail is not null,
            input.Step,
            input.Caption,
            me.DisplayName,
            clock.GetUtcNow().UtcDateTime
        );
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }
}
