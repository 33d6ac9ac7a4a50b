using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>The record a document belongs to, as far as documents need to know it.</summary>
public sealed record OwnerRecord(DocumentOwner Type, long Id, long CustomerId, string Title, string Url);

/// <summary>
/// Finds the owning record through the normal, customer-scoped sets, and work orders and visits
/// through <see cref="DocumentVisibility"/>: a record the caller may not see does not exist for
/// them (<see cref="NotFoundException"/>, the same as a wrong id).
/// </summary>
public static class DocumentOwners
{
    public static string Title(DocumentOwner owner) =>
        owner switch
        {
            DocumentOwner.Customer => "用户单位",
            DocumentOwner.Contract => "合同",
            DocumentOwner.Asset => "设备",
            DocumentOwner.Visit => "现场服务",
            DocumentOwner.WorkOrder => "工单",
            DocumentOwner.InspectionRound => "巡检",
            DocumentOwner.InspectionFinding => "检查结果",
        };

    public static async Task<OwnerRecord> FindAsync(AppDbContext db, CurrentUser me, DocumentOwner owner, long id, CancellationToken ct)
    {
        var found = owner switch
        {
            DocumentOwner.Customer => await db
                .Customers.Where(c => c.Id == id)
                .Select(c => new OwnerRecord(owner, c.Id, c.Id, c.Name, $"/Customers/{c.Id}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.Contract => await db
                .Contracts.Where(c => c.Id == id)
                .Select(c => new OwnerRecord(owner, c.Id, c.CustomerId, c.Number, $"/Contracts/{c.Id}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.Asset => await db
                .Assets.Where(a => a.Id == id)
                .Select(a => new OwnerRecord(owner, a.Id, a.CustomerId, a.ProductType!.Name + " · " + a.Location, $"/Assets/{a.Id}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.Visit => await DocumentVisibility
                .Visits(db, me)
                .Where(v => v.Id == id)
                .Select(v => new OwnerRecord(owner, v.Id, v.CustomerId, v.TechnicianName, $"/Visits/{v.WorkOrderId}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.WorkOrder => await DocumentVisibility
                .WorkOrders(db, me)
                .Where(w => w.Id == id)
                .Select(w => new OwnerRecord(owner, w.Id, w.CustomerId, w.Number, $"/WorkOrders/{w.Id}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.InspectionRound => await Inspections
                .InspectionVisibility.Rounds(db, me)
                .Where(r => r.Id == id)
                .Select(r => new OwnerRecord(owner, r.Id, r.CustomerId, "巡检", $"/Inspections/{r.Id}"))
                .FirstOrDefaultAsync(ct),
            DocumentOwner.InspectionFinding => await Inspections
                .InspectionVisibility.Findings(db, me)
                .Where(f => f.Id == id)
                .Select(f => new OwnerRecord(owner, f.Id, f.CustomerId, f.ItemText, $"/Inspections/{f.RoundId}"))
                .FirstOrDefaultAsync(ct),
            _ => null,
        };
        return found ?? throw new NotFoundException();
    }
}
