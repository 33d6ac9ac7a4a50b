namespace AfterSales.Platform.Audit;

/// <summary>Chinese names (dictionary keys) of audited record types and actions.</summary>
public static class AuditNames
{
    public static string Entity(string type) =>
        type switch
        {
            "Customer" => "用户单位",
            "Contact" => "联系人",
            "Site" => "地点",
            "Contract" => "合同",
            "Asset" => "设备",
            "ProductType" => "产品类型",
            "Document" => "文档",
            "ApiKey" => "API 密钥",
            "AppUser" => "用户账户",
            "HolidayOverride" => "节假日调整",
            "InspectionRound" => "巡检",
            "InspectionFinding" => "检查结果",
            "ChecklistItem" => "检查项",
            "InspectionWindows" => "巡检窗口",
            _ => type,
        };

    public static string Action(AuditAction a) =>
        a switch
        {
            AuditAction.Created => "创建记录",
            AuditAction.Updated => "修改记录",
            AuditAction.Deleted => "删除记录",
        };
}
