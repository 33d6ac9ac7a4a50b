using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

public sealed record AssetOutput(
    long Id,
    long CustomerId,
    string CustomerName,
    long ContractId,
    string ContractNumber,
    long SiteId,
    string SiteName,
    long ProductTypeId,
    string ProductTypeCode,
    string ProductTypeName,
    int Quantity,
    string Location,
    DateOnly? InstalledOn,
    string? Notes,
    WarrantyStatus WarrantyStatus,
    DateOnly? WarrantyUntil,
    DateTime CreatedAtUtc
)
{
    /// <summary>Needs the contract (with its customer), site and product type loaded.</summary>
    public static AssetOutput Of(Asset a, TimeProvider clock)
    {
        var contract = a.Contract!;
        var today = Display.Today(clock, contract.Customer!.TimeZone);
        return new(
            a.Id,
            a.CustomerId,
            contract.Customer.Name,
            a.ContractId,
            contract.Number,
            a.SiteId,
            a.Site!.Name,
            a.ProductTypeId,
            a.ProductType!.Code,
            a.ProductType.Name,
            a.Quantity,
            a.Location,
            a.InstalledOn,
            a.Notes,
            Asset.WarrantyOn(contract, today),
            contract.Coverage.Warranty.Until,
            a.CreatedAtUtc
        );
    }
}

public sealed record AssetList(IReadOnlyList<AssetOutput> Items, int Total, int Page, int PageSize);

/// <summary>/api/v1/assets: installed products with their warranty status today.</summary>
internal static class AssetsApi
{
    public static void MapAssetsApi(this RouteGroupBuilder api)
    {
        var assets = api.MapGroup("/assets").WithTags("Assets");
        assets.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadMasterData);
        assets.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadMasterData);
        assets.MapPost("/", CreateAsync).RequireAuthorization(Policies.EditMasterData);
        assets.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.EditMasterData);
        assets.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.EditMasterData);
    }

    static IQueryable<Asset> Loaded(AppDbContext db) =>
        db.Assets.Include(a => a.Contract).ThenInclude(c => c!.Customer).Include(a => a.Site).Include(a => a.ProductType);

    static async Task<Ok<AssetList>> ListAsync(
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct,
        string? q = null,
        long? customerId = null,
        long? contractId = null,
        long? siteId = null,
        long? productTypeId = null,
        WarrantyStatus? warranty = null,
        int page = 1,
        int pageSize = AssetSearch.PageSize
    )
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        var search = new AssetSearch(q, customerId, contractId, siteId, productTypeId, warranty);
        var query = search.Apply(db, db.Assets.AsNoTracking(), Display.Today(clock));
        var total = await query.CountAsync(ct);
        var ids = query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(a => a.Id);
        var rows = await Loaded(db).AsNoTracking().Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(new AssetList([.. rows.Select(a => AssetOutput.Of(a, clock))], total, page, pageSize));
    }

    static async Task<Results<Ok<AssetOutput>, NotFound>> GetAsync(long id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await Loaded(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? TypedResults.Ok(AssetOutput.Of(a, clock))
            : TypedResults.NotFound();

    static async Task<Results<Created<AssetOutput>, ValidationProblem>> CreateAsync(
        AssetFields input,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var asset = await input.CreateAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        var created = await Loaded(db).AsNoTracking().FirstAsync(a => a.Id == asset.Id, ct);
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", AssetOutput.Of(created, clock));
    }

    static async Task<Results<Ok<AssetOutput>, NotFound, ValidationProblem>> UpdateAsync(
        long id,
        AssetFields input,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
            return TypedResults.NotFound();
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        await input.UpdateAsync(asset, db, ct);
        await db.SaveChangesAsync(ct);
        var updated = await Loaded(db).AsNoTracking().FirstAsync(a => a.Id == id, ct);
        return TypedResults.Ok(AssetOutput.Of(updated, clock));
    }

    static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, AppDbContext db, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
            return TypedResults.NotFound();
        await AssetRemoval.RemoveAsync(db, asset, ct);
        return TypedResults.NoContent();
    }
}
