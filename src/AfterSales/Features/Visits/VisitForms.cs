using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.Visits;

/// <summary>The work form of the visit screen: amounts are typed in yuan, blank rows are ignored.</summary>
public sealed class WorkForm
{
    [Required, StringLength(Visit.MaxText), Display(Name = "工作内容")]
    public string? WorkDone { get; set; }

    [Display(Name = "故障原因")]
    public FaultCauseCategory? FaultCause { get; set; }

    [StringLength(Visit.MaxText), Display(Name = "故障分析")]
    public string? FaultAnalysis { get; set; }

    [StringLength(Visit.MaxText), Display(Name = "维修步骤")]
    public string? RepairSteps { get; set; }

    public List<ItemForm> Items { get; set; } = [];

    public static WorkForm From(Visit v) =>
        new()
        {
            WorkDone = v.WorkDone,
            FaultCause = v.FaultCause,
            FaultAnalysis = v.FaultAnalysis,
            RepairSteps = v.RepairSteps,
            Items =
            [
                .. v
                    .Items.OrderBy(i => i.Id)
                    .Select(i => new ItemForm
                    {
                        ProductTypeId = i.ProductTypeId,
                        Part = i.ProductTypeId is null ? i.Part : null,
                        Quantity = i.Quantity,
                        Price = i.UnitPriceFen is { } p ? MoneyInput.ToInput(p) : null,
                    }),
            ],
        };

    public WorkInput ToInput(bool chargeable)
    {
        var rows = Items.Where(i => !i.IsBlank).ToList();
        return new WorkInput
        {
            WorkDone = WorkDone,
            FaultCause = FaultCause,
            FaultAnalysis = FaultAnalysis,
            RepairSteps = RepairSteps,
            Items =
            [
                .. rows.Select(
                    (i, row) =>
                        new ItemInput
                        {
                            ProductTypeId = i.ProductTypeId,
                            Part = i.Part,
                            Quantity = i.Quantity ?? 0,
                            Chargeable = chargeable,
                            UnitPriceFen = Price(i.Price, row),
                        }
                ),
            ],
        };
    }

    static long? Price(string? text, int row)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return MoneyInput.TryParseFen(text, out var fen)
            ? fen
            : throw DomainException.For($"Items[{row}]", "第{0}行：单价格式不正确", row + 1);
    }
}

public sealed class ItemForm
{
    public long? ProductTypeId { get; set; }

    [StringLength(VisitItem.MaxPart), Display(Name = "配件")]
    public string? Part { get; set; }

    [Range(1, VisitItem.MaxQuantity), Display(Name = "数量")]
    public int? Quantity { get; set; }

    [StringLength(20), Display(Name = "单价")]
    public string? Price { get; set; }

    public bool IsBlank => ProductTypeId is null && string.IsNullOrWhiteSpace(Part) && Quantity is null && string.IsNullOrWhiteSpace(Price);
}
