using System.ComponentModel.DataAnnotations;

namespace AfterSales.Features.Admin.Users;

/// <summary>What an admin may change on any account: name shown, email, roles, organisation.</summary>
public class UserInput
{
    [Required, StringLength(100), Display(Name = "显示名称")]
    public string DisplayName { get; set; } = "";

    [EmailAddress, StringLength(256), Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "所属用户单位")]
    public long? CustomerId { get; set; }
}

/// <summary>A new account: the above plus the sign-in name and a first password.</summary>
public sealed class NewUserInput : UserInput
{
    [Required, StringLength(100), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required, StringLength(200, MinimumLength = 8), DataType(DataType.Password), Display(Name = "初始密码")]
    public string Password { get; set; } = "";
}

public sealed class PasswordResetInput
{
    [Required, StringLength(200, MinimumLength = 8), DataType(DataType.Password), Display(Name = "新密码")]
    public string Password { get; set; } = "";
}

/// <summary>The model of the shared form fields: the input and the organisation choices.</summary>
public sealed record UserFieldsView(UserInput Input, CustomerChoice Customers);
