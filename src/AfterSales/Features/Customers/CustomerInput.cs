using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.Customers;

/// <summary>What a person or a client sends to create or change a customer (form and JSON alike).</summary>
public sealed class CustomerInput
{
    [Required, StringLength(200), Display(Name = "名称")]
    public string Name { get; set; } = "";

    /// <summary>Checked by the entity: a malformed code is refused there with its own message.</summary>
    [Required, Display(Name = "统一社会信用代码")]
    public string CreditCode { get; set; } = "";

    [Required, EnumDataType(typeof(CustomerCategory)), Display(Name = "类别")]
    public CustomerCategory? Category { get; set; }

    [StringLength(64), Display(Name = "时区")]
    public string? TimeZone { get; set; } = Display.DefaultTimeZone;

    [StringLength(2000), Display(Name = "备注")]
    public string? Notes { get; set; }

    /// <summary>
    /// Saves a code whose check character does not match. Old codes and codes copied from paper
    /// are sometimes like that and still real; a typo is far more likely, so it must be confirmed.
    /// </summary>
    [Display(Name = "仍然保存")]
    public bool ConfirmChecksumWarning { get; set; }

    public static CustomerInput From(Customer c) =>
        new()
        {
            Name = c.Name,
            CreditCode = c.CreditCode,
            Category = c.Category,
            TimeZone = c.TimeZone,
            Notes = c.Notes,
        };
}

public sealed class ContactInput
{
    /// <summary>Deliberately simple: something@domain.tld, no spaces. Mail servers decide the rest.</summary>
    public const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    [Required, StringLength(100), Display(Name = "姓名")]
    public string Name { get; set; } = "";

    /// <summary>Mobile or landline; checked by the entity (<see cref="PhoneNumber"/>).</summary>
    [StringLength(32), Display(Name = "电话")]
    public string? Phone { get; set; }

    [StringLength(200), RegularExpression(EmailPattern, ErrorMessage = "{0}不是有效的电子邮箱地址"), Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(100), Display(Name = "职务")]
    public string? Title { get; set; }

    [Display(Name = "主要联系人")]
    public bool IsPrimary { get; set; }

    public static ContactInput From(Contact c) =>
        new()
        {
            Name = c.Name,
            Phone = c.Phone,
            Email = c.Email,
            Title = c.Title,
            IsPrimary = c.IsPrimary,
        };
}

public sealed class SiteInput
{
    [Required, StringLength(100), Display(Name = "地点名称")]
    public string Name { get; set; } = "";

    [Required, StringLength(300), Display(Name = "地址")]
    public string Address { get; set; } = "";

    public static SiteInput From(Site s) => new() { Name = s.Name, Address = s.Address };
}
