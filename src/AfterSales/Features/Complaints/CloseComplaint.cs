using AfterSales.Features.Complaints.Precedents;
using AfterSales.Features.Satisfaction;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Complaints;

/// <summary>
/// 结案: the manager's responsibility determination and case summary (DESIGN §6). This is the one
/// place a complaint closes, on the page and anywhere else: what follows a closing (the case joins
/// this node's precedents) belongs after the save below; the satisfaction survey invitation is
/// staged before it, so it commits with the close.
/// </summary>
public sealed class CloseComplaint(AppDbContext db, TimeProvider clock, PrecedentSource precedents, SatisfactionSurveys surveys)
{
    /// <summary>After the close: the customer's personal satisfaction link, to send (null when already rated).</summary>
    public string? SurveyLink { get; private set; }

    public async Task HandleAsync(
        long id,
        Responsibility responsibility,
        string? summary,
        Actor by,
        CancellationToken ct,
        long? expectedVersion = null
    )
    {
        var complaint = await ComplaintRemedies.TrackedAsync(db, id, ct);
        complaint.CheckVersion(expectedVersion);
        complaint.Close(responsibility, summary, clock.GetUtcNow().UtcDateTime, by);
        // Satisfaction survey (满意度回访): the invitation commits with the close, so a closed
        // complaint always has its survey.
        SurveyLink = await surveys.StageAsync(SurveySubject.Complaint, complaint.Id, complaint.CustomerId, ct);
        await db.SaveComplaintAsync(ct);
        // The closed case is a precedent from now on, for the next lookup on any node.
        await precedents.IndexAsync(db, ct);
    }
}
