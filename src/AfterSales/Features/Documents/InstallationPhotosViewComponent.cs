using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>
/// An asset's installation photo set (DESIGN §2, promise 13) as a strip of thumbnails in step
/// order, each with its step number and caption; photos without a step come last.
/// Usage: <c>@await Component.InvokeAsync("InstallationPhotos", new { assetId = 9L })</c>
/// </summary>
public sealed class InstallationPhotosViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long assetId)
    {
        var photos = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.Asset && d.OwnerId == assetId && d.Kind == DocumentKind.InstallationPhoto)
            .OrderBy(d => d.Step == null)
            .ThenBy(d => d.Step)
            .ThenBy(d => d.Id)
            .ToListAsync();
        return View("/Features/Documents/Components/InstallationPhotos/Default.cshtml", new InstallationPhotosView(assetId, photos));
    }
}

public sealed record InstallationPhotosView(long AssetId, List<Document> Photos);
