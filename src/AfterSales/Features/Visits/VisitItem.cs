using AfterSales.Platform.Errors;

namespace AfterSales.Features.Visits;

/// <summary>A part or product used on site: a catalog product type or a part named in free text.</summary>
public sealed class VisitItem
{
    public const int MaxQuantity = 10_000;
    public const int MaxPart = 200;

    /// <summary>¥100,000,000.00 a unit: beyond any part, and × <see cref="MaxQuantity"/> still far inside a long.</summary>
    public const long MaxUnitPriceFen = 100_000_000_00L;

    public long Id { get; private set; }
    public long VisitId { get; private set; }
    public long? ProductTypeId { get; private set; }

    /// <summary>The product type's name when it was used, or the part as the technician wrote it.</summary>
    public string Part { get; private set; } = "";
    public int Quantity { get; private set; }
    public bool Chargeable { get; private set; }

    /// <summary>Fen; null when the item is free.</summary>
    public long? UnitPriceFen { get; private set; }

    VisitItem() { }

    public long AmountFen => Chargeable ? checked((UnitPriceFen ?? 0) * Quantity) : 0;

    internal static VisitItem Create(long? productTypeId, string part, int quantity, bool chargeable, long? unitPriceFen, int row)
    {
        var field = $"Items[{row}]";
        if (string.IsNullOrWhiteSpace(part))
            throw DomainException.For(field, "第{0}行：请选择产品类型或填写配件名称", row + 1);
        if (part.Trim().Length > MaxPart)
            throw DomainException.For(field, "第{0}行：配件名称不能超过{1}个字符", row + 1, MaxPart);
        if (quantity is < 1 or > MaxQuantity)
            throw DomainException.For(field, "第{0}行：数量应在1到{1}之间", row + 1, MaxQuantity);
        if (chargeable && unitPriceFen is null or < 0)
            throw DomainException.For(field, "第{0}行：收费配件请填写单价", row + 1);
        if (unitPriceFen is > MaxUnitPriceFen or < 0)
            throw DomainException.For(field, "第{0}行：单价应在0到{1}之间", row + 1, Platform.Formatting.Display.Money(MaxUnitPriceFen));
        return new()
        {
            ProductTypeId = productTypeId,
            Part = part.Trim(),
            Quantity = quantity,
            Chargeable = chargeable,
            UnitPriceFen = chargeable ? unitPriceFen : null,
        };
    }
}
