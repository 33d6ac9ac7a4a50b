using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Audit;

/// <summary>
/// The change history of one record (and of its children, e.g. a customer's contacts), newest
/// first. Shown to staff only. Usage: <c>@await Component.InvokeAsync("AuditTrail", new { entityType = "Customer", entityId = 5L })</c>
/// </summary>
public sealed class AuditTrailViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync(string entityType, long entityId)
    {
        if (!me.IsStaff)
            return Content("");
        var id = entityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db
            .AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == entityType && e.EntityId == id) || (e.ParentType == entityType && e.ParentId == id))
            .OrderByDescending(e => e.Id)
            .Take(Shown)
            .ToListAsync();
        return View("/Features/Shared/Components/AuditTrail/Default.cshtml", entries);
    }
}
