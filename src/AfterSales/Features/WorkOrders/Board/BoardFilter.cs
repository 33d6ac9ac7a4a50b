using AfterSales.Features.Customers;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>What the dispatcher narrowed the board to; every part is optional.</summary>
public sealed record BoardFilter(
    string? Q,
    long? CustomerId,
    WorkOrderStatus? Status,
    string? TechnicianId,
    Channel? Channel,
    bool MajorOnly
)
{
    /// <summary>The technician filter's value for "not dispatched yet".</summary>
    public const string Unassigned = "none";

    public static readonly WorkOrderStatus[] OpenStatuses = [.. Enum.GetValues<WorkOrderStatus>().Where(s => s != WorkOrderStatus.Closed)];

    /// <summary>
    /// Applies the filters and the search: a substring of the number, the description or the
    /// customer's name (Chinese has no case, so a plain substring test serves it).
    /// </summary>
    public IQueryable<WorkOrder> Apply(IQueryable<WorkOrder> workOrders, IQueryable<Customer> customers)
    {
        if (CustomerId is { } customer)
            workOrders = workOrders.Where(w => w.CustomerId == customer);
        if (Status is { } status)
            workOrders = workOrders.Where(w => w.Status == status);
        if (TechnicianId == Unassigned)
            workOrders = workOrders.Where(w => w.TechnicianId == null);
        else if (!string.IsNullOrEmpty(TechnicianId))
            workOrders = workOrders.Where(w => w.TechnicianId == TechnicianId);
        if (Channel is { } channel)
            workOrders = workOrders.Where(w => w.Channel == channel);
        if (MajorOnly)
            workOrders = workOrders.Where(w => w.IsMajor);
        if (string.IsNullOrWhiteSpace(Q))
            return workOrders;
        var text = Q.Trim();
        var number = text.ToUpperInvariant();
        var named = customers.Where(c => c.Name.Contains(text)).Select(c => c.Id);
        return workOrders.Where(w => w.Number.Contains(number) || w.Description.Contains(text) || named.Contains(w.CustomerId));
    }
}
