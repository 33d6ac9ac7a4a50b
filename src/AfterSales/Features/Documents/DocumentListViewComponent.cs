using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>
/// The documents attached to one record, with thumbnails and download links.
/// Usage: <c>@await Component.InvokeAsync("DocumentList", new { owner = DocumentOwner.Contract, ownerId = 7L })</c>
/// </summary>
public sealed class DocumentListViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DocumentOwner owner, long ownerId)
    {
        var documents = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == owner && d.OwnerId == ownerId)
            .OrderBy(d => d.Kind)
            .ThenBy(d => d.Step)
            .ThenBy(d => d.Id)
            .ToListAsync();
        return View("/Features/Documents/Components/DocumentList/Default.cshtml", new DocumentListView(owner, ownerId, documents));
    }
}

public sealed record DocumentListView(DocumentOwner Owner, long OwnerId, List<Document> Documents);
