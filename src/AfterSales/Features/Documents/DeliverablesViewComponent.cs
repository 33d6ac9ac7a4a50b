using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>
/// The project documents a contract owes (DESIGN §2, promise 8): development material, user
/// manual, admin manual, each delivered (with date and link) or missing. The host page gives the heading.
/// Usage: <c>@await Component.InvokeAsync("Deliverables", new { contractId = 7L })</c>
/// </summary>
public sealed class DeliverablesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long contractId)
    {
        var delivered = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.Contract && d.OwnerId == contractId && DocumentKinds.Deliverables.Contains(d.Kind))
            .OrderByDescending(d => d.UploadedAtUtc)
            .ThenByDescending(d => d.Id)
            .ToListAsync();
        var items = DocumentKinds.Deliverables.Select(k => new Deliverable(k, delivered.Where(d => d.Kind == k).ToList())).ToList();
        return View("/Features/Documents/Components/Deliverables/Default.cshtml", new DeliverablesView(contractId, items));
    }
}

/// <summary>One item of the checklist; delivered when at least one document of its kind is attached, newest first.</summary>
public sealed record Deliverable(DocumentKind Kind, List<Document> Documents)
{
    public bool Delivered => Documents.Count > 0;
}

public sealed record DeliverablesView(long ContractId, List<Deliverable> Items)
{
    public int Missing => Items.Count(i => !i.Delivered);
}
