using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;

namespace AfterSales.Features.Customers;

/// <summary>How a period of free service or a warranty status is shown on the archive card.</summary>
public static class CoverageBadge
{
    /// <summary>有效 while the day is inside the period, 已到期 after it, 未开始 before it or before its milestone.</summary>
    public static (string Text, string Css) For(CoveragePeriod period, DateOnly today) =>
        period.IsActiveOn(today) ? ("有效", "text-bg-success")
        : period.HasEndedBy(today) ? ("已到期", "text-bg-secondary")
        : ("未开始", "text-bg-light border");

    public static (string Text, string Css) For(WarrantyStatus status) =>
        status switch
        {
            WarrantyStatus.InWarranty => ("在保", "text-bg-success"),
            WarrantyStatus.Expired => ("已过保", "text-bg-secondary"),
            WarrantyStatus.NotDelivered => ("未交付", "text-bg-light border"),
        };
}
