using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Visits;

/// <summary>签到. Occurred-at defaults to now; a technician who was offline gives the real time.</summary>
public sealed record CheckInInput
{
    public DateTimeOffset? OccurredAt { get; init; }

    [StringLength(200), Display(Name = "签到位置")]
    public string? Location { get; init; }

    [Range(-90.0, 90.0), Display(Name = "纬度")]
    public double? Latitude { get; init; }

    [Range(-180.0, 180.0), Display(Name = "经度")]
    public double? Longitude { get; init; }
}

/// <summary>What was done and found on site, and the parts used (replaces what was recorded before).</summary>
public sealed record WorkInput
{
    [Required, StringLength(Visit.MaxText), Display(Name = "工作内容")]
    public string? WorkDone { get; init; }

    [Display(Name = "故障原因")]
    public FaultCauseCategory? FaultCause { get; init; }

    [StringLength(Visit.MaxText), Display(Name = "故障分析")]
    public string? FaultAnalysis { get; init; }

    [StringLength(Visit.MaxText), Display(Name = "维修步骤")]
    public string? RepairSteps { get; init; }

    /// <summary>"items": null records no parts, as an empty list does.</summary>
    public IReadOnlyList<ItemInput> Items
    {
        get;
        init => field = value ?? [];
    } = [];
}

public sealed record ItemInput
{
    /// <summary>A catalog product type, or null for a part named in <see cref="Part"/>.</summary>
    public long? ProductTypeId { get; init; }

    [StringLength(VisitItem.MaxPart), Display(Name = "配件")]
    public string? Part { get; init; }

    [Range(1, VisitItem.MaxQuantity), Display(Name = "数量")]
    public int Quantity { get; init; } = 1;

    /// <summary>Defaults from the work order's coverage decision (free unless it is chargeable).</summary>
    public bool? Chargeable { get; init; }

    [Range(0, VisitItem.MaxUnitPriceFen), Display(Name = "单价（分）")]
    public long? UnitPriceFen { get; init; }
}

public sealed record RestoreInput
{
    public DateTimeOffset? OccurredAt { get; init; }

    [StringLength(4000), Display(Name = "说明")]
    public string? Note { get; init; }
}

public sealed record SignatureInput
{
    /// <summary>The PNG as a data URL (data:image/png;base64,…) or plain base64.</summary>
    [Required, Display(Name = "签名")]
    public string? Png { get; init; }

    [Required, StringLength(100), Display(Name = "签字人")]
    public string? SignerName { get; init; }
}

public sealed record CheckOutInput
{
    public DateTimeOffset? OccurredAt { get; init; }

    [Range(1, 5), Display(Name = "客户评分")]
    public int Rating { get; init; }

    [StringLength(Visit.MaxComment), Display(Name = "客户评价")]
    public string? Comment { get; init; }
}

/// <summary>Site photos are taken before and after the repair.</summary>
public enum PhotoMoment
{
    Before,
    After,
}
