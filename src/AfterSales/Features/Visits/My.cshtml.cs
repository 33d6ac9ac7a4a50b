using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Visits;

/// <summary>我的工单: a technician's assigned open work orders as cards, the nearest deadline first.</summary>
[Authorize(Policy = Policies.HandleWorkOrders)]
public sealed class MyModel(AppDbContext db, TimeProvider clock, CurrentUser me, ServiceCalendarProvider calendars) : PageModel
{
    public List<MyWorkOrder> WorkOrders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await db
            .WorkOrders.VisibleTo(me)
            .Where(w => w.TechnicianId == me.UserId && w.Status != WorkOrderStatus.Closed)
            .Include(w => w.Clocks)
            .Include(w => w.Pauses)
            .Include(w => w.Assets)
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(ct);
        var customerIds = mine.Select(w => w.CustomerId).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var assetIds = mine.SelectMany(w => w.Assets.Select(a => a.AssetId)).Distinct().ToList();
        var addresses = await db
            .Assets.Where(a => assetIds.Contains(a.Id))
            .Select(a => new { a.Id, Address = a.Site!.Name + " " + a.Site.Address })
            .ToDictionaryAsync(a => a.Id, a => a.Address, ct);
        var calendarOf = new Dictionary<long, IServiceCalendar>();
        foreach (var w in mine)
            calendarOf[w.Id] = await calendars.ForAsync(w, ct);
        WorkOrders =
        [
            .. mine.Select(w =>
                {
                    var calendar = calendarOf[w.Id];
                    var nearest = w
                        .Clocks.Where(c => c.IsOpen)
                        .Select(c => c.At(now, calendar, w.RestorePauses))
                        .Where(s => s.Due is not null)
                        .OrderBy(s => s.Due!.DueUtc)
                        .FirstOrDefault();
                    return new MyWorkOrder(
                        w.Id,
                        w.Number,
                        customers.GetValueOrDefault(w.CustomerId, ""),
                        string.Join("；", w.Assets.Select(a => addresses.GetValueOrDefault(a.AssetId)).Distinct()),
                        w.Description,
                        w.Status,
                        nearest,
                        w.TimeZone
                    );
                })
                .OrderBy(w => w.Nearest?.Due?.DueUtc ?? DateTime.MaxValue),
        ];
    }

    public static string Colour(ClockState state) =>
        state switch
        {
            ClockState.Breached => "danger",
            ClockState.DueSoon => "warning",
            ClockState.Paused => "secondary",
            ClockState.Met => "success",
            ClockState.Running => "primary",
        };
}

public sealed record MyWorkOrder(
    long Id,
    string Number,
    string Customer,
    string Address,
    string Description,
    WorkOrderStatus Status,
    ClockSnapshot? Nearest,
    string TimeZone
);
