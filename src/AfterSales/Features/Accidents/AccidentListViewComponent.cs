using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Accidents;

/// <summary>
/// An asset's or a customer's accidents with their decisions, for the asset page and the archive
/// card. Usage: <c>@await Component.InvokeAsync("AccidentList", new { assetId = 5L })</c> or
/// <c>new { customerId = 3L }</c>. Reads through the customer-scoped set.
/// </summary>
public sealed class AccidentListViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(long? assetId = null, long? customerId = null)
    {
        var query = db.Accidents.AsNoTracking();
        query = assetId is { } asset ? query.Where(a => a.AssetId == asset) : query.Where(a => a.CustomerId == customerId);
        var rows = await query
            .OrderByDescending(a => a.OccurredAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(Shown)
            .Select(a => new AccidentRow(
                a.Id,
                a.AssetId,
                a.OccurredAtUtc,
                a.Description,
                a.LossesFen,
                a.Preventable,
                a.Reason,
                db.Assets.Where(x => x.Id == a.AssetId).Select(x => x.ProductType!.Name + " · " + x.Location).First()
            ))
            .ToListAsync();
        var zone = await db
            .Customers.AsNoTracking()
            .Where(c => assetId == null ? c.Id == customerId : db.Assets.Any(x => x.Id == assetId && x.CustomerId == c.Id))
            .Select(c => c.TimeZone)
            .FirstOrDefaultAsync();
        return View(
            "/Features/Accidents/Components/AccidentList/Default.cshtml",
            new AccidentListView(assetId, rows, zone, assetId is not null && me.CanEditMasterData)
        );
    }
}

public sealed record AccidentRow(
    long Id,
    long AssetId,
    DateTime OccurredAtUtc,
    string Description,
    long LossesFen,
    bool Preventable,
    Rules.AccidentReason Reason,
    string AssetName
);

/// <param name="AssetId">On an asset's page: the asset, for the "record an accident" link.</param>
public sealed record AccidentListView(long? AssetId, List<AccidentRow> Rows, string? TimeZone, bool CanRecord);
