using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>How a survey names what it asks about, for the customer who follows the link.</summary>
public static class SurveySubjects
{
    public static async Task<string> TitleAsync(AppDbContext db, SurveySubject subject, long id, CancellationToken ct) =>
        subject switch
        {
            SurveySubject.WorkOrder => Platform.Localization.Texts.T(
                "工单 {0}",
                await db.WorkOrders.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.Number).FirstOrDefaultAsync(ct) ?? $"#{id}"
            ),
            SurveySubject.Complaint => Platform.Localization.Texts.T(
                "投诉 {0}",
                await db.Complaints.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Number).FirstOrDefaultAsync(ct) ?? $"#{id}"
            ),
            _ => $"#{id}",
        };

    public static string Title(SurveySubject subject) =>
        subject switch
        {
            SurveySubject.WorkOrder => "工单",
            SurveySubject.Complaint => "投诉",
            _ => subject.ToString(),
        };
}
