using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Admin.Users;

/// <summary>
/// Which roles a user account may hold together. A customer user sees one organisation's data
/// through the customer filter; a staff role on the same account would lift that filter, so the
/// two never mix, and a customer user without an organisation could see nothing useful.
/// </summary>
public static class UserRoleRules
{
    public static IReadOnlyList<string> Check(IEnumerable<string>? roles, long? customerId)
    {
        var chosen = (roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
            throw DomainException.For("Roles", "请至少选择一个角色");
        if (chosen.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            throw DomainException.For("Roles", "未知的角色“{0}”", unknown);
        var isCustomer = chosen.Contains(Roles.Customer);
        if (isCustomer && chosen.Count > 1)
            throw DomainException.For("Roles", "用户单位联系人不能同时拥有内部员工的角色");
        if (isCustomer && customerId is null)
            throw DomainException.For("CustomerId", "用户单位联系人必须选择所属用户单位");
        if (!isCustomer && customerId is not null)
            throw DomainException.For("CustomerId", "只有用户单位联系人才能关联用户单位");
        return [.. chosen.OrderBy(r => Array.IndexOf(Roles.All, r))];
    }

    /// <summary>An admin keeps their own Admin role, so that nobody locks the last door from inside.</summary>
    public static void CheckOwnAdmin(bool isSelf, IReadOnlyList<string> newRoles)
    {
        if (isSelf && !newRoles.Contains(Roles.Admin))
            throw DomainException.For("Roles", "不能移除自己的系统管理员角色");
    }
}
