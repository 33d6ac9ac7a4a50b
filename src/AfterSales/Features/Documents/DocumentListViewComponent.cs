using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>
/// The documents attached to one record, with thumbnails and download links; for editors also
/// the upload form and delete links. Place it outside any other form (it contains one).
/// Usage: <c>@await Component.InvokeAsync("DocumentList", new { owner = DocumentOwner.Contract, ownerId = 7L })</c>
/// </summary>
public sealed class DocumentListViewComponent(AppDbContext db, CurrentUser me, DocumentStore store) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DocumentOwner owner, long ownerId)
    {
        var documents = DocumentOrder.Sort(
            await db.Documents.VisibleTo(db, me).AsNoTracking().Where(d => d.OwnerType == owner && d.OwnerId == ownerId).ToListAsync()
        );
        var upload = me.CanEditMasterData
            ? new UploadForm(HttpContext.Request.Path + HttpContext.Request.QueryString, store.MaxBytes, DefaultKind(owner))
            : null;
        var error = TempData[ErrorKey(owner, ownerId)] as string;
        return View(
            "/Features/Documents/Components/DocumentList/Default.cshtml",
            new DocumentListView(owner, ownerId, documents, upload, error)
        );
    }

    /// <summary>Where the upload page leaves the reason a file was refused, for this list to show.</summary>
    public static string ErrorKey(DocumentOwner owner, long ownerId) => $"DocumentError:{owner}-{ownerId}";

    public static string Anchor(DocumentOwner owner, long ownerId) => $"documents-{owner}-{ownerId}";

    /// <summary>What is usually attached to each kind of record.</summary>
    static DocumentKind DefaultKind(DocumentOwner owner) =>
        owner switch
        {
            DocumentOwner.Asset => DocumentKind.InstallationPhoto,
            DocumentOwner.Contract => DocumentKind.UserManual,
            DocumentOwner.Customer => DocumentKind.Other,
            DocumentOwner.Visit => DocumentKind.RepairSitePhoto,
            DocumentOwner.WorkOrder => DocumentKind.RepairSitePhoto,
            DocumentOwner.InspectionRound => DocumentKind.Other,
            DocumentOwner.InspectionFinding => DocumentKind.RepairSitePhoto,
        };
}

public sealed record DocumentListView(DocumentOwner Owner, long OwnerId, List<Document> Documents, UploadForm? Upload, string? Error)
{
    public string Anchor => DocumentListViewComponent.Anchor(Owner, OwnerId);
}

/// <summary>The upload form, shown to editors only.</summary>
public sealed record UploadForm(string ReturnUrl, long MaxBytes, DocumentKind DefaultKind)
{
    public string MaxMegabytes => (MaxBytes / (1024m * 1024m)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
