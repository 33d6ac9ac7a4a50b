using Microsoft.AspNetCore.Identity;

namespace AfterSales.Platform.Localization;

/// <summary>Identity's messages (password too short, name taken…) in the request's language.</summary>
internal sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    static IdentityError E(string code, string template, params object?[] args) =>
        new() { Code = code, Description = Texts.T(template, args) };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败");

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确");

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "密码至少需要{0}个字符", length);

    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码必须包含数字");

    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码必须包含小写字母");

    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码必须包含大写字母");

    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码必须包含符号");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), "密码至少需要{0}个不同的字符", uniqueChars);

    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "用户名“{0}”已被使用", userName);

    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), "用户名“{0}”无效，只能包含字母、数字和 -._@+", userName);

    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), "角色“{0}”已存在", role);

    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "用户已有角色“{0}”", role);

    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "记录已被他人修改，请刷新后重试");
}
