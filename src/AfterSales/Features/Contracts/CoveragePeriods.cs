namespace AfterSales.Features.Contracts;

/// <summary>One period of free service: the first and the last day it covers (inclusive).</summary>
public sealed record CoveragePeriod(DateOnly? From, DateOnly? Until)
{
    /// <summary>Not started yet because the contract has not reached its starting milestone.</summary>
    public bool Pending => From is null;

    public bool IsActiveOn(DateOnly day) => From is { } f && Until is { } u && day >= f && day <= u;

    public bool HasEndedBy(DateOnly day) => Until is { } u && day > u;
}

/// <summary>
/// The periods a contract's terms promise (DESIGN §2, promises 1 and 2): warranty and free
/// maintenance from delivery into use, free technical service from final acceptance. A period
/// of N months starting on D covers D up to the day before D + N months: 24 months from
/// 2024-03-15 cover until 2026-03-14. A period of 0 months covers nothing.
/// </summary>
public sealed record CoveragePeriods(CoveragePeriod Warranty, CoveragePeriod FreeMaintenance, CoveragePeriod TechnicalService)
{
    public static CoveragePeriods Of(Contract c) => Of(c.DeliveredOn, c.FinalAcceptanceOn, c.Terms);

    public static CoveragePeriods Of(DateOnly? deliveredOn, DateOnly? finalAcceptanceOn, ServiceTerms terms) =>
        new(
            Period(deliveredOn, terms.WarrantyMonths),
            Period(deliveredOn, terms.FreeMaintenanceMonths),
            Period(finalAcceptanceOn, terms.TechnicalServiceMonths)
        );

    static CoveragePeriod Period(DateOnly? from, int months) =>
        from is { } f
            ? new CoveragePeriod(f, months == 0 ? f.AddDays(-1) : f.AddMonths(months).AddDays(-1))
            : new CoveragePeriod(null, null);
}
