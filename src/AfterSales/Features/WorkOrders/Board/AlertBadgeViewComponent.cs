using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>
/// The nav link to my alerts with the unread count; on every page, so one indexed count.
/// Usage: <c>@await Component.InvokeAsync("AlertBadge")</c>
/// </summary>
public sealed class AlertBadgeViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!me.IsStaff)
            return Content("");
        var unread = await db.Alerts.For(me).Unread().CountAsync();
        return View("/Features/WorkOrders/Board/Components/AlertBadge/Default.cshtml", unread);
    }
}
