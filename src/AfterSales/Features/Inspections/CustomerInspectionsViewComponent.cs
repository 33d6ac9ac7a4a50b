using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Features.Inspections;

/// <summary>
/// The customer's rounds on its archive card (顾客档案卡), latest window first, missed ones flagged,
/// each with its report. A technician sees only the rounds assigned to them. Usage:
/// <c>@await Component.InvokeAsync("CustomerInspections", new { customerId = 7L })</c>
/// </summary>
public sealed class CustomerInspectionsViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(long customerId)
    {
        var rows = (
            await RoundQuery.PageAsync(
                db,
                me,
                new RoundFilter(CustomerId: customerId, Limit: RoundQuery.MaxLimit),
                HttpContext.RequestAborted
            )
        ).Rows;
        var latest = rows.OrderByDescending(r => r.DueAt).Take(Shown).ToList();
        return View("/Features/Inspections/Components/CustomerInspections/Default.cshtml", latest);
    }
}
