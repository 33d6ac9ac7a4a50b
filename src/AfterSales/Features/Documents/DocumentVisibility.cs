using AfterSales.Features.Visits;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Documents;

/// <summary>
/// Who may see a document: whoever may see the record it is attached to, and nobody else. This is
/// the one place that says so, for the document pages, downloads, thumbnails, lists and the API:
/// <list type="bullet">
/// <item>customers see their own organisation's documents only: the global customer filter, as a
/// document carries its owner's customer;</item>
/// <item>documents of a work order, or of one of its visits, follow <see cref="WorkOrderVisibility"/>:
/// a technician sees those of the work orders assigned to them, and any other is "not found",
/// exactly as the work order itself;</item>
/// <item>documents of customers, contracts and assets (manuals, installation photos) are master
/// data, read by all staff.</item>
/// </list>
/// </summary>
internal static class DocumentVisibility
{
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, AppDbContext db, CurrentUser me)
    {
        var workOrders = WorkOrders(db, me);
        var visits = Visits(db, me);
        var rounds = Inspections.InspectionVisibility.Rounds(db, me);
        var findings = Inspections.InspectionVisibility.Findings(db, me);
        return documents.Where(d =>
            (
                d.OwnerType != DocumentOwner.WorkOrder
                && d.OwnerType != DocumentOwner.Visit
                && d.OwnerType != DocumentOwner.InspectionRound
                && d.OwnerType != DocumentOwner.InspectionFinding
            )
            || (d.OwnerType == DocumentOwner.WorkOrder && workOrders.Any(w => w.Id == d.OwnerId))
            || (d.OwnerType == DocumentOwner.Visit && visits.Any(v => v.Id == d.OwnerId))
            || (d.OwnerType == DocumentOwner.InspectionRound && rounds.Any(r => r.Id == d.OwnerId))
            || (d.OwnerType == DocumentOwner.InspectionFinding && findings.Any(f => f.Id == d.OwnerId))
        );
    }

    /// <summary>The work orders whose documents the caller may see and attach to.</summary>
    public static IQueryable<WorkOrder> WorkOrders(AppDbContext db, CurrentUser me) => db.WorkOrders.VisibleTo(me);

    /// <summary>The visits whose documents (site photos, signature) the caller may see: those of visible work orders.</summary>
    public static IQueryable<Visit> Visits(AppDbContext db, CurrentUser me) => VisitQueries.VisibleVisits(db, me);
}
