using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Visits;

/// <summary>
/// The site visits of one work order, each with its service report, for the work-order page: the
/// customer finds the report it signed there, staff the record of every visit. Draws nothing
/// before the first check-in. Usage:
/// <c>@await Component.InvokeAsync("WorkOrderVisits", new { workOrderId = 7L, timeZone = "Asia/Shanghai" })</c>
/// </summary>
public sealed class WorkOrderVisitsViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long workOrderId, string timeZone)
    {
        var rows = await VisitQueries
            .VisibleVisits(db, me)
            .AsNoTracking()
            .Where(v => v.WorkOrderId == workOrderId)
            .OrderBy(v => v.Id)
            .Select(v => new WorkOrderVisitRow(v.Id, v.TechnicianName, v.CheckInAtUtc, v.CheckOutAtUtc, v.SignerName, v.Rating))
            .ToListAsync();
        return View("/Features/Visits/Components/WorkOrderVisits/Default.cshtml", new WorkOrderVisitsView(timeZone, rows));
    }
}

public sealed record WorkOrderVisitRow(
    long Id,
    string TechnicianName,
    DateTime CheckInAtUtc,
    DateTime? CheckOutAtUtc,
    string? SignerName,
    int? Rating
);

public sealed record WorkOrderVisitsView(string TimeZone, List<WorkOrderVisitRow> Rows);
