using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders;

public sealed record WorkOrderListItem(
    long Id,
    string Number,
    long CustomerId,
    string CustomerName,
    Channel Channel,
    DateTime ReceivedAt,
    WorkOrderStatus Status,
    bool IsMajor,
    Charge Charge,
    string? TechnicianId,
    string? TechnicianName,
    string Description
);

/// <summary>One page of work orders; <see cref="Next"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record WorkOrderPage(IReadOnlyList<WorkOrderListItem> Items, long? Next);

public static class WorkOrdersListApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapWorkOrdersListApi(this RouteGroupBuilder api)
    {
        api.MapGet("/work-orders", ListAsync)
            .WithTags("Work orders")
            .RequireAuthorization(Policies.ReadWorkOrders)
            .WithSummary("List work orders (filters, Chinese substring search, keyset paging by id descending)");
        return api;
    }

    /// <summary>
    /// Newest first, by id: keyset paging (<c>after</c> = the last id seen) stays fast however deep
    /// the page. Customers see their own (query filter), technicians those assigned to them.
    /// </summary>
    static async Task<WorkOrderPage> ListAsync(
        AppDbContext db,
        CurrentUser me,
        long? customerId,
        WorkOrderStatus? status,
        string? technicianId,
        Channel? channel,
        bool? major,
        string? q,
        long? after,
        int? limit,
        CancellationToken ct
    )
    {
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var query = db.WorkOrders.VisibleTo(me).AsNoTracking();
        if (customerId is { } cid)
            query = query.Where(w => w.CustomerId == cid);
        if (status is { } s)
            query = query.Where(w => w.Status == s);
        if (!string.IsNullOrWhiteSpace(technicianId))
            query = query.Where(w => w.TechnicianId == technicianId);
        if (channel is { } ch)
            query = query.Where(w => w.Channel == ch);
        if (major is { } m)
            query = query.Where(w => w.IsMajor == m);
        if (after is { } a)
            query = query.Where(w => w.Id < a);
        var rows = from w in query join c in db.Customers on w.CustomerId equals c.Id select new { w, CustomerName = c.Name };
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Chinese has no case: a plain substring test on number, description and customer name.
            var text = q.Trim();
            rows = rows.Where(r => r.w.Number.Contains(text) || r.w.Description.Contains(text) || r.CustomerName.Contains(text));
        }
        var items = await rows.OrderByDescending(r => r.w.Id)
            .Take(take + 1)
            .Select(r => new WorkOrderListItem(
                r.w.Id,
                r.w.Number,
                r.w.CustomerId,
                r.CustomerName,
                r.w.Channel,
                r.w.ReceivedAtUtc,
                r.w.Status,
                r.w.IsMajor,
                r.w.Charge,
                r.w.TechnicianId,
                r.w.TechnicianName,
                r.w.Description
            ))
            .ToListAsync(ct);
        var more = items.Count > take;
        if (more)
            items.RemoveAt(take);
        return new WorkOrderPage(items, more ? items[^1].Id : null);
    }
}
