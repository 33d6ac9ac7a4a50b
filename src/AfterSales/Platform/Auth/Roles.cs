namespace AfterSales.Platform.Auth;

/// <summary>The roles of DESIGN §1.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Dispatcher = "Dispatcher";
    public const string Technician = "Technician";
    public const string Expert = "Expert";
    public const string Manager = "Manager";
    public const string Customer = "Customer";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Agent, Dispatcher, Technician, Expert, Manager, Customer, Auditor, Admin];

    public static readonly string[] Staff = [Agent, Dispatcher, Technician, Expert, Manager, Auditor, Admin];

    /// <summary>Chinese name shown in the UI (localised through the dictionary).</summary>
    public static string Title(string role) =>
        role switch
        {
            Agent => "客服专员",
            Dispatcher => "调度",
            Technician => "维修工程师",
            Expert => "技术专家",
            Manager => "客服主管",
            Customer => "用户单位联系人",
            Auditor => "审计",
            Admin => "系统管理员",
            _ => role,
        };
}
