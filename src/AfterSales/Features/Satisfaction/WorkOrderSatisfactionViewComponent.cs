using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// The customer's rating on the work-order page, or that it is still awaited. Draws nothing
/// before the work order is closed. Usage:
/// <c>@await Component.InvokeAsync("WorkOrderSatisfaction", new { workOrderId = 7L, timeZone = "Asia/Shanghai" })</c>
/// </summary>
public sealed class WorkOrderSatisfactionViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long workOrderId, string timeZone)
    {
        var survey = await db
            .Surveys.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Subject == SurveySubject.WorkOrder && s.SubjectId == workOrderId);
        return View(
            "/Features/Satisfaction/Components/WorkOrderSatisfaction/Default.cshtml",
            new WorkOrderSatisfactionView(survey, timeZone, clock.GetUtcNow().UtcDateTime)
        );
    }
}

public sealed record WorkOrderSatisfactionView(SatisfactionSurvey? Survey, string TimeZone, DateTime NowUtc);
