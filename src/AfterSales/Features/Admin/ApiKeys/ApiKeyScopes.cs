using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Admin.ApiKeys;

/// <summary>What a machine client's key may do: each scope is the name of the policy it satisfies.</summary>
public static class ApiKeyScopes
{
    public static string Title(string scope) =>
        scope switch
        {
            Policies.ReadMasterData => "读取主数据（用户单位、合同、设备、文档）",
            Policies.EditMasterData => "新建和修改主数据",
            Policies.ReadAudit => "读取审计日志",
            Policies.ReadPenalties => "读取违约金台账",
            Policies.ReadComplaints => "读取投诉",
            Policies.HandleComplaints => "登记和处理投诉",
            Policies.LogCalls => "登记来电（电话系统推送振铃、接听、挂断事件）",
            Policies.ReadCalls => "读取来电记录和接听率报表",
            _ => scope,
        };

    public static IReadOnlyList<string> Check(IEnumerable<string>? scopes)
    {
        var chosen = (scopes ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
            throw DomainException.For("Scopes", "请至少选择一个权限范围");
        if (chosen.FirstOrDefault(s => !Policies.Scopes.Contains(s)) is { } unknown)
            throw DomainException.For("Scopes", "未知的权限范围“{0}”", unknown);
        return chosen;
    }
}
