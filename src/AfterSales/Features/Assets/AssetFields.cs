using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Catalog;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Assets;

/// <summary>An asset as the New/Edit pages and the API take it; references by id, checked here and by the entity.</summary>
public sealed class AssetFields
{
    [Required, Display(Name = "所属合同")]
    public long? ContractId { get; set; }

    [Required, Display(Name = "地点")]
    public long? SiteId { get; set; }

    [Required, Display(Name = "产品类型")]
    public long? ProductTypeId { get; set; }

    [Required, Range(1, 1_000_000), Display(Name = "数量")]
    public int? Quantity { get; set; } = 1;

    [Required, StringLength(200), Display(Name = "安装位置")]
    public string? Location { get; set; }

    [Display(Name = "安装日期")]
    public DateOnly? InstalledOn { get; set; }

    [StringLength(2000), Display(Name = "备注")]
    public string? Notes { get; set; }

    public static AssetFields From(Asset a) =>
        new()
        {
            ContractId = a.ContractId,
            SiteId = a.SiteId,
            ProductTypeId = a.ProductTypeId,
            Quantity = a.Quantity,
            Location = a.Location,
            InstalledOn = a.InstalledOn,
            Notes = a.Notes,
        };

    public async Task<Asset> CreateAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var (contract, site, type) = await ResolveAsync(db, null, ct);
        return Asset.Create(contract, site, type, Quantity!.Value, Location!, InstalledOn, Notes, nowUtc);
    }

    public async Task UpdateAsync(Asset asset, AppDbContext db, CancellationToken ct)
    {
        var (contract, site, type) = await ResolveAsync(db, asset.ProductTypeId, ct);
        asset.Update(contract, site, type, Quantity!.Value, Location!, InstalledOn, Notes);
    }

    /// <summary>
    /// Loads what the ids name, through the caller's customer scope (another customer's contract
    /// is "not found"). A deactivated product type is offered no more, but an asset keeps its own.
    /// </summary>
    async Task<(Contract, Site, ProductType)> ResolveAsync(AppDbContext db, long? currentTypeId, CancellationToken ct)
    {
        var contract =
            await db.Contracts.FirstOrDefaultAsync(c => c.Id == ContractId, ct)
            ?? throw DomainException.For(nameof(ContractId), "合同不存在");
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == SiteId, ct) ?? throw DomainException.For(nameof(SiteId), "地点不存在");
        var type =
            await db.ProductTypes.FirstOrDefaultAsync(t => t.Id == ProductTypeId, ct)
            ?? throw DomainException.For(nameof(ProductTypeId), "产品类型不存在");
        if (!type.Active && type.Id != currentTypeId)
            throw DomainException.For(nameof(ProductTypeId), "产品类型“{0}”已停用", type.Name);
        return (contract, site, type);
    }
}

public static class WarrantyStatuses
{
    /// <summary>The name of a status in list filters.</summary>
    public static string Title(WarrantyStatus s) =>
        s switch
        {
            WarrantyStatus.InWarranty => "在保",
            WarrantyStatus.Expired => "已过保",
            WarrantyStatus.NotDelivered => "未交付",
        };
}
