using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>One action form of the work-order page; times are typed in the work order's zone.</summary>
public sealed class ActionInput
{
    [StringLength(32), Display(Name = "事件类型")]
    public string Type { get; set; } = "";

    /// <summary>The version the page showed, so a change made meanwhile by someone else is not overwritten.</summary>
    [Display(Name = "版本")]
    public long Version { get; set; }

    [StringLength(4000), Display(Name = "说明")]
    public string? Note { get; set; }

    [StringLength(64), Display(Name = "工程师")]
    public string? TechnicianId { get; set; }

    [Display(Name = "已解决")]
    public bool Solved { get; set; }

    [Display(Name = "发生时间")]
    public DateTime? OccurredAt { get; set; }

    [Display(Name = "费用")]
    public Charge? Charge { get; set; }

    [StringLength(1000), Display(Name = "理由")]
    public string? Reason { get; set; }
}
