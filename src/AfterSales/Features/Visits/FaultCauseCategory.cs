namespace AfterSales.Features.Visits;

/// <summary>故障原因分类, as the technician finds it on site (finer than the intake's guess).</summary>
public enum FaultCauseCategory
{
    ManufacturingDefect,
    InstallationDefect,
    Misuse,
    ExternalDamage,
    Ageing,
    Other,
}

public static class FaultCauseCategories
{
    public static string Title(FaultCauseCategory c) =>
        c switch
        {
            FaultCauseCategory.ManufacturingDefect => "制造缺陷",
            FaultCauseCategory.InstallationDefect => "安装缺陷",
            FaultCauseCategory.Misuse => "使用不当",
            FaultCauseCategory.ExternalDamage => "外力损坏",
            FaultCauseCategory.Ageing => "自然老化",
            FaultCauseCategory.Other => "其他",
        };
}
