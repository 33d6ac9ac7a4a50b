using System.ComponentModel.DataAnnotations;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Features.WorkOrders.Holidays;

namespace AfterSales.Features.Admin.Holidays;

/// <summary>One day corrected: an extra day off, or a weekend day worked (调休上班).</summary>
public sealed class OverrideInput
{
    [Required, Display(Name = "调整日期")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "请选择休息日或调休上班"), Display(Name = "类型")]
    public DayKind? Kind { get; set; }

    [Required, StringLength(HolidayOverride.MaxNote), Display(Name = "备注")]
    public string? Note { get; set; }
}

/// <summary>A whole year's notice, typed in as the notice writes it ("10-01..10-07, 02-06").</summary>
public sealed class NoticeInput
{
    const int MaxList = 2000;

    [Required, Range(HolidayOverride.FirstYear, HolidayOverride.LastYear), Display(Name = "年份")]
    public int? Year { get; set; }

    [StringLength(MaxList), Display(Name = "放假日期")]
    public string? DaysOff { get; set; }

    [StringLength(MaxList), Display(Name = "调休上班日期")]
    public string? Workdays { get; set; }

    [Required, StringLength(HolidayOverride.MaxNote), Display(Name = "备注")]
    public string? Note { get; set; }
}
