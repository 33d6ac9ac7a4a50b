using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Contracts;

/// <summary>
/// Every service term of DESIGN §4 as plain fields, for the forms and the API; a new one holds the
/// tender's defaults. Rates and the cap in basis points (100 = 1%).
/// </summary>
public sealed class TermsFields
{
    static readonly ServiceTerms Tender = ServiceTerms.TenderDefaults();

    [Display(Name = "质保期（月）")]
    public int WarrantyMonths { get; set; } = Tender.WarrantyMonths;

    [Display(Name = "免费维护期（月）")]
    public int FreeMaintenanceMonths { get; set; } = Tender.FreeMaintenanceMonths;

    [Display(Name = "免费技术服务期（月）")]
    public int TechnicalServiceMonths { get; set; } = Tender.TechnicalServiceMonths;

    [Display(Name = "响应时限（小时）")]
    public int ResponseHours { get; set; } = Tender.ResponseHours;

    [Display(Name = "到场时限（小时）")]
    public int OnSiteHours { get; set; } = Tender.OnSiteHours;

    [Display(Name = "专家响应时限（小时）")]
    public int ExpertHours { get; set; } = Tender.ExpertHours;

    [Display(Name = "恢复时限（小时）")]
    public int RestoreHours { get; set; } = Tender.RestoreHours;

    [Display(Name = "投诉答复时限（小时）")]
    public int ComplaintReplyHours { get; set; } = Tender.ComplaintReplyHours;

    [Display(Name = "服务日历")]
    public ServiceCalendarKind Calendar { get; set; } = Tender.Calendar;

    [Display(Name = "未响应违约金比例（基点）")]
    public int ResponsePenaltyBp { get; set; } = Tender.ResponsePenaltyBp;

    [Display(Name = "逾期恢复违约金比例（基点/天）")]
    public int LateRestorePenaltyBp { get; set; } = Tender.LateRestorePenaltyBp;

    [Display(Name = "事故违约金比例（基点）")]
    public int AccidentPenaltyBp { get; set; } = Tender.AccidentPenaltyBp;

    [Display(Name = "违约金上限（基点，可空）")]
    public int? PenaltyCapBp { get; set; } = Tender.PenaltyCapBp;

    public static TermsFields From(ServiceTerms t) =>
        new()
        {
            WarrantyMonths = t.WarrantyMonths,
            FreeMaintenanceMonths = t.FreeMaintenanceMonths,
            TechnicalServiceMonths = t.TechnicalServiceMonths,
            ResponseHours = t.ResponseHours,
            OnSiteHours = t.OnSiteHours,
            ExpertHours = t.ExpertHours,
            RestoreHours = t.RestoreHours,
            ComplaintReplyHours = t.ComplaintReplyHours,
            Calendar = t.Calendar,
            ResponsePenaltyBp = t.ResponsePenaltyBp,
            LateRestorePenaltyBp = t.LateRestorePenaltyBp,
            AccidentPenaltyBp = t.AccidentPenaltyBp,
            PenaltyCapBp = t.PenaltyCapBp,
        };

    public ServiceTerms ToTerms() =>
        new()
        {
            WarrantyMonths = WarrantyMonths,
            FreeMaintenanceMonths = FreeMaintenanceMonths,
            TechnicalServiceMonths = TechnicalServiceMonths,
            ResponseHours = ResponseHours,
            OnSiteHours = OnSiteHours,
            ExpertHours = ExpertHours,
            RestoreHours = RestoreHours,
            ComplaintReplyHours = ComplaintReplyHours,
            Calendar = Calendar,
            ResponsePenaltyBp = ResponsePenaltyBp,
            LateRestorePenaltyBp = LateRestorePenaltyBp,
            AccidentPenaltyBp = AccidentPenaltyBp,
            PenaltyCapBp = PenaltyCapBp,
        };
}
