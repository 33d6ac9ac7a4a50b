using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Documents;

/// <summary>
/// Removes a document from its record after a confirmation. The audit trail keeps who removed
/// what; the stored bytes stay, as other documents may share them.
/// </summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class DeleteModel(AppDbContext db, CurrentUser me) : PageModel
{
    public Document Document { get; private set; } = null!;

    public OwnerRecord Owner { get; private set; } = null!;

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(long id, string? returnUrl, CancellationToken ct)
    {
        if (await db.Documents.VisibleTo(db, me).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document)
            return NotFound();
        await LoadAsync(document, returnUrl, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? returnUrl, CancellationToken ct)
    {
        if (await db.Documents.VisibleTo(db, me).FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document)
            return NotFound();
        await LoadAsync(document, returnUrl, ct);
        db.Documents.Remove(document);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("已删除“{0}”", document.FileName);
        return Redirect($"{ReturnUrl}#{DocumentListViewComponent.Anchor(document.OwnerType, document.OwnerId)}");
    }

    async Task LoadAsync(Document document, string? returnUrl, CancellationToken ct)
    {
        Document = document;
        Owner = await DocumentOwners.FindAsync(db, me, document.OwnerType, document.OwnerId, ct);
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Documents/Index", new { owner = Owner.Type, ownerId = Owner.Id })!;
    }
}
