using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Admin.ApiKeys;

/// <summary>A new key: who will use it (its name) and what it may do.</summary>
public sealed class ApiKeyInput
{
    [Required, StringLength(100), Display(Name = "名称")]
    public string? Name { get; set; }

    [Display(Name = "权限范围")]
    public List<string>? Scopes { get; set; }
}
