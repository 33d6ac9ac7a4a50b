using AfterSales.Platform.Errors;

namespace AfterSales.Features.Contracts;

public enum ServiceCalendarKind
{
    /// <summary>7x24: every hour counts.</summary>
    AllHours,

    /// <summary>Working hours on working days, with statutory holidays and 调休.</summary>
    BusinessHours,
}

/// <summary>
/// 服务条款 of one contract (DESIGN §4). Defaults are the tender's; rates are basis points
/// (1% = 100), the cap a share of the contract total in basis points.
/// </summary>
public sealed record ServiceTerms
{
    /// <summary>质保期, months from delivery into use.</summary>
    public int WarrantyMonths { get; set; } = 24;

    /// <summary>免费维护期, months from delivery into use.</summary>
    public int FreeMaintenanceMonths { get; set; } = 36;

    /// <summary>免费技术服务期, months from final acceptance.</summary>
    public int TechnicalServiceMonths { get; set; } = 60;

    public int ResponseHours { get; set; } = 4;
    public int OnSiteHours { get; set; } = 24;
    public int ExpertHours { get; set; } = 4;
    public int RestoreHours { get; set; } = 48;
    public int ComplaintReplyHours { get; set; } = 24;
    public ServiceCalendarKind Calendar { get; set; } = ServiceCalendarKind.AllHours;

    /// <summary>Per work order whose response clock breached.</summary>
    public int ResponsePenaltyBp { get; set; } = 100;

    /// <summary>Per started 24 hours of late restoration.</summary>
    public int LateRestorePenaltyBp { get; set; } = 100;

    /// <summary>Per preventable accident.</summary>
    public int AccidentPenaltyBp { get; set; } = 100;

    /// <summary>Optional ceiling of all penalties, as a share of the total; null = none.</summary>
    public int? PenaltyCapBp { get; set; }

    public static ServiceTerms TenderDefaults() => new();

    /// <summary>Takes over every value of <paramref name="other"/>, keeping this tracked instance.</summary>
    internal void CopyFrom(ServiceTerms other)
    {
        (WarrantyMonths, FreeMaintenanceMonths, TechnicalServiceMonths) = (
            other.WarrantyMonths,
            other.FreeMaintenanceMonths,
            other.TechnicalServiceMonths
        );
        (ResponseHours, OnSiteHours, ExpertHours, RestoreHours) = (
            other.ResponseHours,
            other.OnSiteHours,
            other.ExpertHours,
            other.RestoreHours
        );
        (ComplaintReplyHours, Calendar) = (other.ComplaintReplyHours, other.Calendar);
        (ResponsePenaltyBp, LateRestorePenaltyBp, AccidentPenaltyBp, PenaltyCapBp) = (
            other.ResponsePenaltyBp,
            other.LateRestorePenaltyBp,
            other.AccidentPenaltyBp,
            other.PenaltyCapBp
        );
    }

    public void Validate()
    {
        Months(WarrantyMonths, nameof(WarrantyMonths), "质保期");
        Months(FreeMaintenanceMonths, nameof(FreeMaintenanceMonths), "免费维护期");
        Months(TechnicalServiceMonths, nameof(TechnicalServiceMonths), "免费技术服务期");
        Hours(ResponseHours, nameof(ResponseHours), "响应时限");
        Hours(OnSiteHours, nameof(OnSiteHours), "到场时限");
        Hours(ExpertHours, nameof(ExpertHours), "专家响应时限");
        Hours(RestoreHours, nameof(RestoreHours), "恢复时限");
        Hours(ComplaintReplyHours, nameof(ComplaintReplyHours), "投诉答复时限");
        Rate(ResponsePenaltyBp, nameof(ResponsePenaltyBp), "未响应违约金比例");
        Rate(LateRestorePenaltyBp, nameof(LateRestorePenaltyBp), "逾期恢复违约金比例");
        Rate(AccidentPenaltyBp, nameof(AccidentPenaltyBp), "事故违约金比例");
        if (PenaltyCapBp is { } cap)
            Rate(cap, nameof(PenaltyCapBp), "违约金上限");
    }

    static void Months(int v, string field, string name)
    {
        if (v is < 0 or > 600)
            throw DomainException.For($"Terms.{field}", "{0}应在0到600个月之间", name);
    }

    static void Hours(int v, string field, string name)
    {
        if (v is < 1 or > 8760)
            throw DomainException.For($"Terms.{field}", "{0}应在1到8760小时之间", name);
    }

    static void Rate(int v, string field, string name)
    {
        if (v is < 0 or > 10_000)
            throw DomainException.For($"Terms.{field}", "{0}应在0到10000个基点（0%–100%）之间", name);
    }
}
