using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Catalog;

public sealed record ProductTypeOutput(long Id, string Code, string Name, string NameEn, ProductGroup Group, bool Active, int SortOrder)
{
    public static ProductTypeOutput Of(ProductType t) => new(t.Id, t.Code, t.Name, t.NameEn, t.Group, t.Active, t.SortOrder);
}

public sealed record ProductTypeList(IReadOnlyList<ProductTypeOutput> Items, int Total, int Page, int PageSize);

/// <summary>/api/v1/product-types: everyone who reads master data reads the catalog; managers and admins change it.</summary>
internal static class CatalogApi
{
    public static void MapCatalogApi(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/product-types").WithTags("Catalog");
        types.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadMasterData);
        types.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadMasterData);
        types.MapPost("/", CreateAsync).RequireAuthorization(Policies.EditCatalog);
        types.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.EditCatalog);
    }

    static async Task<Ok<ProductTypeList>> ListAsync(
        AppDbContext db,
        CancellationToken ct,
        string? q = null,
        ProductGroup? group = null,
        bool? active = null,
        int page = 1,
        int pageSize = 50
    )
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        var query = db.ProductTypes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            var lower = t.ToLowerInvariant();
            query = query.Where(x => x.Code.Contains(lower) || x.Name.Contains(t) || x.NameEn.ToLower().Contains(lower));
        }
        if (group is { } g)
            query = query.Where(x => x.Group == g);
        if (active is { } a)
            query = query.Where(x => x.Active == a);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new ProductTypeList([.. items.Select(ProductTypeOutput.Of)], total, page, pageSize));
    }

    static async Task<Results<Ok<ProductTypeOutput>, NotFound>> GetAsync(long id, AppDbContext db, CancellationToken ct) =>
        await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } t
            ? TypedResults.Ok(ProductTypeOutput.Of(t))
            : TypedResults.NotFound();

    static async Task<Results<Created<ProductTypeOutput>, ValidationProblem>> CreateAsync(
        NewProductType input,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var type = await input.CreateAsync(db, ct);
        db.ProductTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/product-types/{type.Id}", ProductTypeOutput.Of(type));
    }

    static async Task<Results<Ok<ProductTypeOutput>, NotFound, ValidationProblem>> UpdateAsync(
        long id,
        ProductTypeFields input,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var type = await db.ProductTypes.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (type is null)
            return TypedResults.NotFound();
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        input.ApplyTo(type);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProductTypeOutput.Of(type));
    }
}
