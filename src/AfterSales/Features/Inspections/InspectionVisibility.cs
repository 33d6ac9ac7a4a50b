using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Inspections;

/// <summary>
/// Who sees a round: customers their own organisation's (the global customer filter), a
/// technician only the rounds assigned to them, other staff all. Anything else is "not found".
/// </summary>
public static class InspectionVisibility
{
    public static IQueryable<InspectionRound> Rounds(AppDbContext db, CurrentUser me) =>
        me.IsTechnicianOnly ? db.InspectionRounds.Where(r => r.TechnicianId == me.UserId) : db.InspectionRounds;

    public static IQueryable<InspectionFinding> Findings(AppDbContext db, CurrentUser me)
    {
        if (!me.IsTechnicianOnly)
            return db.InspectionFindings;
        var mine = Rounds(db, me);
        return db.InspectionFindings.Where(f => mine.Any(r => r.Id == f.RoundId));
    }
}
