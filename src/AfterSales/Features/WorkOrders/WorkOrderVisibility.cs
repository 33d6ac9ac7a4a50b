using AfterSales.Platform.Auth;

namespace AfterSales.Features.WorkOrders;

internal static class WorkOrderVisibility
{
    /// <summary>
    /// Customers are scoped by the global filter already; a technician additionally sees only
    /// the work orders assigned to them (any other id is "not found").
    /// </summary>
    public static IQueryable<WorkOrder> VisibleTo(this IQueryable<WorkOrder> query, CurrentUser me) =>
        me.IsTechnicianOnly ? query.Where(w => w.TechnicianId == me.UserId) : query;

    public static Actor AsActor(this CurrentUser me) => new(me.UserId, me.DisplayName);
}
