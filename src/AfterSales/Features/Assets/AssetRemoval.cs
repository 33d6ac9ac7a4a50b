using AfterSales.Features.Documents;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>Deleting an asset, for the page and the API.</summary>
public static class AssetRemoval
{
    /// <summary>Documents are evidence (installation photos, fault analyses): an asset that has some is not deleted.</summary>
    public static async Task RemoveAsync(AppDbContext db, Asset asset, CancellationToken ct)
    {
        var documents = await db.Documents.CountAsync(d => d.OwnerType == DocumentOwner.Asset && d.OwnerId == asset.Id, ct);
        if (documents > 0)
            throw new DomainException("该设备有{0}份文档，不能删除", documents);
        db.Assets.Remove(asset);
        await db.SaveChangesAsync(ct);
    }
}
