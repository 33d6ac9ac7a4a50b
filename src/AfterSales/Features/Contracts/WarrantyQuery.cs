using System.Linq.Expressions;
using AfterSales.Features.Assets;

namespace AfterSales.Features.Contracts;

/// <summary>
/// The warranty status of <see cref="CoveragePeriods"/> as database predicates, for list filters.
/// SQLite's date arithmetic rolls 2024-01-31 + 1 month over to 03-02 where .NET clamps to 02-29,
/// so the rule is written with year, month and day only, which both providers compute alike:
/// a warranty of M months from D is active on T (with D ≤ T) while D + M months &gt; T, i.e. while
/// D's month + M is after T's month, or is T's month and D's day is after T's day — unless T is
/// the last day of its month, where a clamped D + M months can never lie beyond T.
/// </summary>
public static class WarrantyQuery
{
    public static Expression<Func<Contract, bool>> Active(DateOnly today)
    {
        var month = today.Year * 12 + today.Month;
        var day = today.Day;
        var lastDayOfMonth = today.Day == DateTime.DaysInMonth(today.Year, today.Month);
        return c =>
            c.DeliveredOn != null
            && c.DeliveredOn <= today
            && (
                c.DeliveredOn.Value.Year * 12 + c.DeliveredOn.Value.Month + c.Terms.WarrantyMonths > month
                || (
                    !lastDayOfMonth
                    && c.DeliveredOn.Value.Year * 12 + c.DeliveredOn.Value.Month + c.Terms.WarrantyMonths == month
                    && c.DeliveredOn.Value.Day > day
                )
            );
    }

    public static Expression<Func<Contract, bool>> NotDelivered(DateOnly today) => c => c.DeliveredOn == null || c.DeliveredOn > today;

    public static IQueryable<Contract> WithWarranty(this IQueryable<Contract> contracts, WarrantyStatus? status, DateOnly today) =>
        status is not { } s
            ? contracts
            : s switch
            {
                WarrantyStatus.InWarranty => contracts.Where(Active(today)),
                WarrantyStatus.NotDelivered => contracts.Where(NotDelivered(today)),
                // Delivered by today and not active: the complement of the two above.
                WarrantyStatus.Expired => contracts.Where(c => c.DeliveredOn != null && c.DeliveredOn <= today).Where(Not(Active(today))),
            };

    static Expression<Func<Contract, bool>> Not(Expression<Func<Contract, bool>> e) =>
        Expression.Lambda<Func<Contract, bool>>(Expression.Not(e.Body), e.Parameters);
}
