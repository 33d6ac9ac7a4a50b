using AfterSales.Platform.Auth;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>The alerts addressed to one user: to them by name, and each desk's they sit at (dispatch, complaints).</summary>
internal static class AlertInbox
{
    public static IQueryable<Alert> For(this IQueryable<Alert> alerts, CurrentUser me)
    {
        var mine = me.UserId ?? "";
        // Filtering on the indexed key (user id or a desk) rather than the nullable id lets the badge's count seek.
        return (DispatchDesk.ReadsDeskAlerts(me), Complaints.ComplaintDesk.ReadsDeskAlerts(me)) switch
        {
            (true, true) => alerts.Where(a =>
                a.RecipientKey == mine || a.RecipientKey == Alert.DispatchDesk || a.RecipientKey == Alert.ComplaintDesk
            ),
            (true, false) => alerts.Where(a => a.RecipientKey == mine || a.RecipientKey == Alert.DispatchDesk),
            (false, true) => alerts.Where(a => a.RecipientKey == mine || a.RecipientKey == Alert.ComplaintDesk),
            _ => alerts.Where(a => a.RecipientKey == mine),
        };
    }

    public static IQueryable<Alert> Unread(this IQueryable<Alert> alerts) => alerts.Where(a => a.ReadAtUtc == null);
}
