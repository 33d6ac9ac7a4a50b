using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>The intake form as the agent fills it; times are typed in the customer's zone.</summary>
public sealed class IntakeInput
{
    [Range(1, long.MaxValue, ErrorMessage = "请选择用户单位"), Display(Name = "用户单位")]
    public long CustomerId { get; set; }

    public List<long> AssetIds { get; set; } = [];

    /// <summary>The caller cannot say which product it is: the work order is opened without assets.</summary>
    public bool AssetsUnsure { get; set; }

    [Display(Name = "受理渠道")]
    public Channel Channel { get; set; } = Channel.Hotline;

    [Display(Name = "受理时间")]
    public DateTime? ReceivedAt { get; set; }

    [StringLength(500), Display(Name = "补录原因")]
    public string? BackdateReason { get; set; }

    [Required, StringLength(4000), Display(Name = "问题描述")]
    public string Description { get; set; } = "";

    [Display(Name = "故障原因")]
    public FaultCause Cause { get; set; } = FaultCause.Unknown;

    [Display(Name = "重大问题")]
    public bool IsMajor { get; set; }

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; set; }

    [StringLength(32), Display(Name = "联系电话")]
    public string? ContactPhone { get; set; }
}
