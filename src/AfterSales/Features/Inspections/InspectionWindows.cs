using AfterSales.Features.Inspections.Rules;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 巡检窗口 agreed in one contract, where it differs from the tender's defaults (1 June – 31 August,
/// 1 December – end of February). A contract without a row uses the defaults.
/// </summary>
public sealed class InspectionWindows : IAudited, ICustomerOwned
{
    public long ContractId { get; private set; }
    public long CustomerId { get; private set; }
    public int SummerFromMonth { get; private set; }
    public int SummerFromDay { get; private set; }
    public int SummerUntilMonth { get; private set; }
    public int SummerUntilDay { get; private set; }
    public int WinterFromMonth { get; private set; }
    public int WinterFromDay { get; private set; }
    public int WinterUntilMonth { get; private set; }
    public int WinterUntilDay { get; private set; }

    InspectionWindows() { }

    public static InspectionWindows For(Contracts.Contract contract, SeasonWindow summer, SeasonWindow winter)
    {
        var w = new InspectionWindows { ContractId = contract.Id, CustomerId = contract.CustomerId };
        w.Update(summer, winter);
        return w;
    }

    public SeasonWindow Summer => new(SummerFromMonth, SummerFromDay, SummerUntilMonth, SummerUntilDay);
    public SeasonWindow Winter => new(WinterFromMonth, WinterFromDay, WinterUntilMonth, WinterUntilDay);

    public SeasonWindow Of(Season s) => s == Season.Summer ? Summer : Winter;

    public void Update(SeasonWindow summer, SeasonWindow winter)
    {
        Check(summer, nameof(Summer));
        Check(winter, nameof(Winter));
        (SummerFromMonth, SummerFromDay, SummerUntilMonth, SummerUntilDay) = (
            summer.FromMonth,
            summer.FromDay,
            summer.UntilMonth,
            summer.UntilDay
        );
        (WinterFromMonth, WinterFromDay, WinterUntilMonth, WinterUntilDay) = (
            winter.FromMonth,
            winter.FromDay,
            winter.UntilMonth,
            winter.UntilDay
        );
    }

    static void Check(SeasonWindow w, string field)
    {
        if (SeasonWindow.Problem(w.FromMonth, w.FromDay, w.UntilMonth, w.UntilDay) is { } problem)
            throw DomainException.For(field, problem);
    }
}
