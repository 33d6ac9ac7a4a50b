using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>When preventive work orders were restored (恢复运行): the instant their hazard was fixed.</summary>
internal static class WorkOrderRestorations
{
    public static async Task<Dictionary<long, DateTime>> RestoredAtAsync(
        AppDbContext db,
        IReadOnlyList<long> workOrderIds,
        CancellationToken ct
    )
    {
        if (workOrderIds.Count == 0)
            return [];
        var rows = await db
            .WorkOrderEvents.AsNoTracking()
            .Where(e => workOrderIds.Contains(e.WorkOrderId) && e.Type == WorkOrderEventType.Restored)
            .Select(e => new { e.WorkOrderId, e.OccurredAtUtc })
            .ToListAsync(ct);
        // A work order reopened after restoration was not fixed until its last restoration.
        return rows.GroupBy(r => r.WorkOrderId).ToDictionary(g => g.Key, g => g.Max(r => r.OccurredAtUtc));
    }
}
