using System.Globalization;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>
/// The selects of the asset form: only the customer's contracts and sites, and the active
/// product types (plus the asset's own type, should it have been deactivated since).
/// </summary>
public sealed record AssetFormOptions(List<SelectListItem> Contracts, List<SelectListItem> Sites, List<SelectListItem> ProductTypes)
{
    public static async Task<AssetFormOptions> LoadAsync(AppDbContext db, long customerId, long? currentTypeId, CancellationToken ct)
    {
        var contracts = await db
            .Contracts.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.SignedOn)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Title,
            })
            .ToListAsync(ct);
        var sites = await db
            .Sites.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Address,
            })
            .ToListAsync(ct);
        var types = await db
            .ProductTypes.AsNoTracking()
            .Where(t => t.Active || t.Id == currentTypeId)
            .OrderBy(t => t.SortOrder)
            .ThenBy(t => t.Id)
            .ToListAsync(ct);
        return new(
            [.. contracts.Select(c => new SelectListItem($"{c.Number} · {c.Title}", Id(c.Id)))],
            [.. sites.Select(s => new SelectListItem($"{s.Name} · {s.Address}", Id(s.Id)))],
            [.. types.Select(t => new SelectListItem(t.DisplayName, Id(t.Id)))]
        );
    }

    public static AssetFormOptions None => new([], [], []);

    static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A page that shows the asset form (New, Edit).</summary>
public interface IAssetFormPage
{
    AssetFields Input { get; }
    AssetFormOptions Options { get; }
    long? CustomerId { get; }
}
