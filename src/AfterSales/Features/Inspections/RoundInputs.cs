using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Inspections;

public sealed record ScheduleInput
{
    [Required, Display(Name = "排期日期")]
    public DateOnly? On { get; init; }

    [Required, StringLength(64), Display(Name = "维修工程师")]
    public string? TechnicianId { get; init; }
}

public sealed record RoundCheckInInput
{
    public DateTimeOffset? OccurredAt { get; init; }

    [StringLength(200), Display(Name = "签到位置")]
    public string? Location { get; init; }
}

public sealed record FindingInput
{
    [Required, Display(Name = "设备")]
    public long? AssetId { get; init; }

    [Required, Display(Name = "检查项")]
    public long? ChecklistItemId { get; init; }

    [Required, Display(Name = "检查结果")]
    public FindingResult? Result { get; init; }

    [StringLength(InspectionFinding.MaxText), Display(Name = "情况说明")]
    public string? Notes { get; init; }

    [StringLength(InspectionFinding.MaxText), Display(Name = "建议")]
    public string? Proposal { get; init; }
}

public sealed record RoundSignatureInput
{
    /// <summary>The PNG as a data URL (data:image/png;base64,…) or plain base64.</summary>
    [Required, Display(Name = "签名")]
    public string? Png { get; init; }

    [Required, StringLength(100), Display(Name = "签字人")]
    public string? SignerName { get; init; }
}

public sealed record CompleteInput
{
    public DateTimeOffset? OccurredAt { get; init; }

    [Range(1, 5), Display(Name = "回访满意度")]
    public int Satisfaction { get; init; }

    [StringLength(InspectionRound.MaxComment), Display(Name = "客户意见")]
    public string? Comment { get; init; }
}

/// <summary>How a finding was acted on: fixed (optionally by a work order, at a time) or declined by the customer.</summary>
public sealed record FindingOutcomeInput
{
    [Required, Display(Name = "处理结果")]
    public FindingOutcome? Outcome { get; init; }

    public DateTimeOffset? At { get; init; }

    public long? WorkOrderId { get; init; }

    [StringLength(InspectionFinding.MaxText), Display(Name = "处理说明")]
    public string? Note { get; init; }
}
