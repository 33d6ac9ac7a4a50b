using AfterSales.Platform.Auth;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>The alerts addressed to one user: to them by name, and the desk's when they sit at it.</summary>
internal static class AlertInbox
{
    public static IQueryable<Alert> For(this IQueryable<Alert> alerts, CurrentUser me)
    {
        var mine = me.UserId ?? "";
        // Filtering on the indexed key (user id or "*") rather than the nullable id lets the badge's count seek.
        return DispatchDesk.ReadsDeskAlerts(me)
            ? alerts.Where(a => a.RecipientKey == mine || a.RecipientKey == Alert.DispatchDesk)
            : alerts.Where(a => a.RecipientKey == mine);
    }

    public static IQueryable<Alert> Unread(this IQueryable<Alert> alerts) => alerts.Where(a => a.ReadAtUtc == null);
}
