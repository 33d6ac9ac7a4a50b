using AfterSales.Features.Complaints.Precedents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Complaints;

/// <summary>
/// 结案: the manager's responsibility determination and case summary (DESIGN §6). This is the one
/// place a complaint closes, on the page and anywhere else: what follows a closing (the case joins
/// this node's precedents; the satisfaction survey invitation) belongs after the save below.
/// </summary>
public sealed class CloseComplaint(AppDbContext db, TimeProvider clock, PrecedentSource precedents)
{
    public async Task HandleAsync(long id, Responsibility responsibility, string? summary, Actor by, CancellationToken ct)
    {
        var complaint = await ComplaintRemedies.TrackedAsync(db, id, ct);
        complaint.Close(responsibility, summary, clock.GetUtcNow().UtcDateTime, by);
        await db.SaveChangesAsync(ct);
        // The closed case is a precedent from now on, for the next lookup on any node.
        await precedents.IndexAsync(db, ct);
        // Satisfaction survey (满意度回访): invite the customer here, once the closing is saved.
    }
}
