using AfterSales.Features.Catalog;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Assets;

/// <summary>设备/产品: products of one type installed at one site under one contract.</summary>
public sealed class Asset : IAudited, ICustomerOwned
{
    public long Id { get; private set; }

    /// <summary>Copied from the contract, so that customer scoping needs no join.</summary>
    public long CustomerId { get; private set; }
    public long ContractId { get; private set; }
    public Contract? Contract { get; private set; }
    public long SiteId { get; private set; }
    public Site? Site { get; private set; }
    public long ProductTypeId { get; private set; }
    public ProductType? ProductType { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>Where on the site, e.g. 行政楼一层大厅东侧.</summary>
    public string Location { get; private set; } = "";
    public DateOnly? InstalledOn { get; private set; }
    public string? Notes { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    Asset() { }

    public static Asset Create(
        Contract contract,
        Site site,
        ProductType type,
        int quantity,
        string location,
        DateOnly? installedOn,
        string? notes,
        DateTime nowUtc
    )
    {
        var a = new Asset
        {
            CustomerId = contract.CustomerId,
            ContractId = contract.Id,
            CreatedAtUtc = nowUtc,
        };
        a.Update(contract, site, type, quantity, location, installedOn, notes);
        return a;
    }

    public void Update(Contract contract, Site site, ProductType type, int quantity, string location, DateOnly? installedOn, string? notes)
    {
        if (contract.CustomerId != CustomerId)
            throw DomainException.For(nameof(ContractId), "设备不能转到其他用户单位的合同");
        if (site.CustomerId != contract.CustomerId)
            throw DomainException.For(nameof(SiteId), "地点不属于该合同的用户单位");
        if (quantity < 1)
            throw DomainException.For(nameof(Quantity), "数量至少为1");
        if (installedOn is { } i && i < contract.SignedOn)
            throw DomainException.For(nameof(InstalledOn), "安装日期不能早于合同签订日期");
        (ContractId, SiteId, ProductTypeId, Quantity) = (contract.Id, site.Id, type.Id, quantity);
        (Location, InstalledOn, Notes) = (location.Trim(), installedOn, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
    }

    /// <summary>Warranty status on a day, from the contract's terms (warranty runs from delivery into use).</summary>
    public static WarrantyStatus WarrantyOn(Contract contract, DateOnly day)
    {
        var w = contract.Coverage.Warranty;
        if (w.Pending)
            return WarrantyStatus.NotDelivered;
        if (w.From is { } from && day < from)
            return WarrantyStatus.NotDelivered;
        return w.IsActiveOn(day) ? WarrantyStatus.InWarranty : WarrantyStatus.Expired;
    }
}

public enum WarrantyStatus
{
    /// <summary>未交付: the contract is not delivered into use yet, so the warranty has not begun.</summary>
    NotDelivered,

    /// <summary>在保.</summary>
    InWarranty,

    /// <summary>已过保.</summary>
    Expired,
}
