using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Catalog;

/// <summary>A product type's changeable data, as the edit page and PUT take it.</summary>
public class ProductTypeFields
{
    [Required, StringLength(60), Display(Name = "中文名称")]
    public string? Name { get; set; }

    [StringLength(80), Display(Name = "英文名称")]
    public string? NameEn { get; set; }

    [Required, Display(Name = "分组")]
    public ProductGroup? Group { get; set; }

    [Display(Name = "启用")]
    public bool Active { get; set; } = true;

    [Range(0, 1_000_000), Display(Name = "排序")]
    public int SortOrder { get; set; }

    public static ProductTypeFields From(ProductType t) =>
        new()
        {
            Name = t.Name,
            NameEn = t.NameEn,
            Group = t.Group,
            Active = t.Active,
            SortOrder = t.SortOrder,
        };

    public void ApplyTo(ProductType t) => t.Update(Name!, NameEn ?? "", Group!.Value, Active, SortOrder);
}

/// <summary>A new product type: its fields and the code that never changes afterwards.</summary>
public sealed class NewProductType : ProductTypeFields
{
    [
        Required,
        StringLength(40),
        RegularExpression("^[a-z0-9-]+$", ErrorMessage = "代码只能包含小写字母、数字和连字符（-）"),
        Display(Name = "代码")
    ]
    public string? Code { get; set; }

    /// <summary>Codes are unique: refused before saving, as a field error.</summary>
    public async Task<ProductType> CreateAsync(AppDbContext db, CancellationToken ct)
    {
        var code = Code!.Trim();
        if (await db.ProductTypes.AnyAsync(t => t.Code == code, ct))
            throw DomainException.For(nameof(Code), "代码“{0}”已被使用", code);
        var type = ProductType.Create(code, Name!, NameEn ?? "", Group!.Value, SortOrder);
        ApplyTo(type);
        return type;
    }
}

public static class ProductGroups
{
    public static string Title(ProductGroup g) =>
        g switch
        {
            ProductGroup.Signage => "标识",
            ProductGroup.Promotional => "宣传品",
        };
}
