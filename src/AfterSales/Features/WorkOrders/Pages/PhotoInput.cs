using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Documents;
using AfterSales.Features.Visits;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>A repair-site photo taken on the work-order page (camera or gallery), before or after the repair.</summary>
public sealed class PhotoInput
{
    [Display(Name = "照片")]
    public IFormFile? File { get; set; }

    [Display(Name = "拍摄时机")]
    public PhotoMoment? Moment { get; set; }

    [StringLength(Document.MaxCaption), Display(Name = "说明")]
    public string? Caption { get; set; }

    /// <summary>"维修前", "维修后", the typed caption, or both ("维修前：灯箱背面").</summary>
    public string? StoredCaption()
    {
        var moment = Moment switch
        {
            PhotoMoment.Before => "维修前",
            PhotoMoment.After => "维修后",
            _ => null,
        };
        var text = string.IsNullOrWhiteSpace(Caption) ? null : Caption.Trim();
        return moment is null ? text
            : text is null ? moment
            : $"{moment}：{text}";
    }
}
