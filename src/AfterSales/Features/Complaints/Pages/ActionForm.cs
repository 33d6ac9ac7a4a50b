using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Complaints.Pages;

/// <summary>
/// The fields of every handling form on the complaint page. One class, because a page binds its
/// input on every post; the entity's verbs say what each step requires, so there are no
/// [Required] attributes here to trip the other forms.
/// </summary>
public sealed class ActionForm
{
    /// <summary>The complaint's version the form was filled in on; a newer one refuses the post.</summary>
    public long? Version { get; set; }

    /// <summary>When it happened, in the customer's zone; now when empty.</summary>
    [Display(Name = "发生时间")]
    public DateTime? OccurredAt { get; set; }

    public bool Thanked { get; set; }
    public bool HeardOut { get; set; }
    public bool Apologised { get; set; }

    [StringLength(4000), Display(Name = "记录")]
    public string? Note { get; set; }

    /// <summary>The manager's user name.</summary>
    [StringLength(256), Display(Name = "升级给")]
    public string? EscalatedTo { get; set; }

    [StringLength(2000), Display(Name = "升级原因")]
    public string? EscalationReason { get; set; }

    [StringLength(4000), Display(Name = "答复内容")]
    public string? ReplyText { get; set; }

    [Display(Name = "答复渠道")]
    public ComplaintChannel ReplyChannel { get; set; } = ComplaintChannel.Phone;

    [StringLength(4000), Display(Name = "详细说明")]
    public string? ExplanationText { get; set; }

    [Display(Name = "说明渠道")]
    public ComplaintChannel ExplanationChannel { get; set; } = ComplaintChannel.Phone;

    [Display(Name = "承诺解决时间")]
    public DateTime? CommittedResolution { get; set; }

    [Display(Name = "补救方式")]
    public RemedyKind Kind { get; set; } = RemedyKind.Apology;

    [StringLength(2000), Display(Name = "补救说明")]
    public string? Detail { get; set; }

    [Display(Name = "金额（元）")]
    public string? Amount { get; set; }

    [StringLength(2000), Display(Name = "公平性说明")]
    public string? Justification { get; set; }

    public bool Accepted { get; set; }

    [Display(Name = "满意度")]
    public int Satisfaction { get; set; }

    public bool NoOneResponsible { get; set; }

    [StringLength(100), Display(Name = "责任人")]
    public string? ResponsibleStaff { get; set; }

    [StringLength(100), Display(Name = "责任部门")]
    public string? ResponsibleDepartment { get; set; }

    [StringLength(4000), Display(Name = "责任认定结论")]
    public string? Finding { get; set; }

    [StringLength(4000), Display(Name = "改进措施")]
    public string? Improvement { get; set; }

    [Display(Name = "内部处罚")]
    public InternalPenalty Penalty { get; set; }

    [Display(Name = "罚款金额（元）")]
    public string? PenaltyAmount { get; set; }

    [StringLength(4000), Display(Name = "案例总结")]
    public string? Summary { get; set; }
}
