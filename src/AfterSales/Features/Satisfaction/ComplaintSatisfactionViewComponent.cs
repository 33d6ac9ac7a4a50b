using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// The customer's rating on the complaint page, or that it is still awaited; drawn as for a work
/// order, and nothing before the complaint is closed. Usage:
/// <c>@await Component.InvokeAsync("ComplaintSatisfaction", new { complaintId = 7L, timeZone = "Asia/Shanghai" })</c>
/// </summary>
public sealed class ComplaintSatisfactionViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long complaintId, string timeZone, string? resendAction = null)
    {
        var survey = await db
            .Surveys.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Subject == SurveySubject.Complaint && s.SubjectId == complaintId);
        return View(
            "/Features/Satisfaction/Components/WorkOrderSatisfaction/Default.cshtml",
            new WorkOrderSatisfactionView(
                survey,
                timeZone,
                clock.GetUtcNow().UtcDateTime,
                resendAction,
                TempData.Peek(WorkOrderSatisfactionViewComponent.NewLinkKey) as string
            )
        );
    }
}
