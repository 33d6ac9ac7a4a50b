using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Complaints.Pages;

/// <summary>The complaint intake form; times are typed in the customer's zone.</summary>
public sealed class ComplaintForm
{
    [Range(1, long.MaxValue, ErrorMessage = "请选择用户单位"), Display(Name = "用户单位")]
    public long CustomerId { get; set; }

    /// <summary>The hotline call the complaint comes from (the hotline log links here with <c>?callId=</c>).</summary>
    public long? CallId { get; set; }

    [Display(Name = "投诉渠道")]
    public ComplaintChannel Channel { get; set; } = ComplaintChannel.Phone;

    [Display(Name = "投诉类别")]
    public ComplaintCategory Category { get; set; } = ComplaintCategory.Other;

    [Display(Name = "关联工单")]
    public long? WorkOrderId { get; set; }

    [StringLength(100), Display(Name = "被投诉人员")]
    public string? StaffMember { get; set; }

    [Required, StringLength(4000), Display(Name = "投诉内容")]
    public string Description { get; set; } = "";

    [StringLength(2000), Display(Name = "客户诉求")]
    public string? Wish { get; set; }

    [Display(Name = "受理时间")]
    public DateTime? ReceivedAt { get; set; }

    [StringLength(500), Display(Name = "补录原因")]
    public string? BackdateReason { get; set; }

    [Display(Name = "重大投诉")]
    public bool IsMajor { get; set; }

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; set; }

    [StringLength(32), Display(Name = "联系电话")]
    public string? ContactPhone { get; set; }
}
