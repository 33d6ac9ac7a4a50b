using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>
/// The customer's most recent work orders, for the archive card. Usage:
/// <c>@await Component.InvokeAsync("CustomerWorkOrders", new { customerId = 5L })</c>
/// </summary>
public sealed class CustomerWorkOrdersViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync(long customerId)
    {
        var rows = await db
            .WorkOrders.VisibleTo(me)
            .AsNoTracking()
            .Where(w => w.CustomerId == customerId)
            .OrderByDescending(w => w.Id)
            .Take(Shown + 1)
            .Select(w => new CustomerWorkOrderRow(w.Id, w.Number, w.ReceivedAtUtc, w.TimeZone, w.Status, w.Charge, w.Description))
            .ToListAsync();
        return View(
            "/Features/WorkOrders/Pages/Components/CustomerWorkOrders/Default.cshtml",
            new CustomerWorkOrdersView(customerId, [.. rows.Take(Shown)], rows.Count > Shown)
        );
    }
}

public sealed record CustomerWorkOrderRow(
    long Id,
    string Number,
    DateTime ReceivedAtUtc,
    string TimeZone,
    WorkOrderStatus Status,
    Charge Charge,
    string Description
);

public sealed record CustomerWorkOrdersView(long CustomerId, List<CustomerWorkOrderRow> Rows, bool More);
