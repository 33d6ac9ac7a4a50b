using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// The customer's rating on the work-order page, or that it is still awaited. Draws nothing
/// before the work order is closed. Usage:
/// <c>@await Component.InvokeAsync("WorkOrderSatisfaction", new { workOrderId = 7L, timeZone = "Asia/Shanghai", resendAction = "/WorkOrders/7?handler=SurveyLink" })</c>
/// (<c>resendAction</c>, null for those who may not, draws the staff's "resend the link" button).
/// </summary>
public sealed class WorkOrderSatisfactionViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long workOrderId, string timeZone, string? resendAction = null)
    {
        var survey = await db
            .Surveys.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Subject == SurveySubject.WorkOrder && s.SubjectId == workOrderId);
        return View(
            "/Features/Satisfaction/Components/WorkOrderSatisfaction/Default.cshtml",
            new WorkOrderSatisfactionView(
                survey,
                timeZone,
                clock.GetUtcNow().UtcDateTime,
                resendAction,
                TempData.Peek(NewLinkKey) as string
            )
        );
    }

    /// <summary>TempData key under which a page leaves the link it just issued, shown once to copy.</summary>
    public const string NewLinkKey = "SurveyLink";
}

/// <summary>The survey (if any), where staff resend its link (null: no button), and a link just issued.</summary>
public sealed record WorkOrderSatisfactionView(
    SatisfactionSurvey? Survey,
    string TimeZone,
    DateTime NowUtc,
    string? ResendAction = null,
    string? NewLink = null
);
