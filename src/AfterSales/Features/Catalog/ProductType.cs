using AfterSales.Platform.Audit;

namespace AfterSales.Features.Catalog;

/// <summary>产品类型: a kind of product we install or supply (门牌, 广告牌, 奖杯…).</summary>
public sealed class ProductType : IAudited
{
    public long Id { get; private set; }

    /// <summary>Stable short code used by the API and imports, e.g. "billboard".</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public ProductGroup Group { get; private set; }
    public bool Active { get; private set; } = true;
    public int SortOrder { get; private set; }

    ProductType() { }

    public static ProductType Create(string code, string name, string nameEn, ProductGroup group, int sortOrder)
    {
        var t = new ProductType { Code = code.Trim().ToLowerInvariant() };
        t.Update(name, nameEn, group, true, sortOrder);
        return t;
    }

    public void Update(string name, string nameEn, ProductGroup group, bool active, int sortOrder) =>
        (Name, NameEn, Group, Active, SortOrder) = (name.Trim(), nameEn.Trim(), group, active, sortOrder);

    /// <summary>The name in the current UI language.</summary>
    public string DisplayName => Platform.Localization.Texts.IsEnglish && NameEn.Length > 0 ? NameEn : Name;
}

/// <summary>Installed signage is inspected and maintained; promotional goods are replaced.</summary>
public enum ProductGroup
{
    Signage,
    Promotional,
}
