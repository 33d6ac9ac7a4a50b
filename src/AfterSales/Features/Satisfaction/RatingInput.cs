using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Satisfaction;

/// <summary>The customer's answer: a rating from 1 (very dissatisfied) to 5 (very satisfied) and a comment.</summary>
public sealed class RatingInput
{
    [Range(1, 5, ErrorMessage = "请选择 1 到 5 分"), Display(Name = "评分")]
    public int Rating { get; set; }

    [StringLength(1000), Display(Name = "意见和建议")]
    public string? Comment { get; set; }
}
