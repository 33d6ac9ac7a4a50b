using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Documents;

/// <summary>
/// All documents of one customer, contract or asset on one page: a contract's deliverables
/// checklist, an asset's installation photo set, then the full list with the upload form.
/// </summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public OwnerRecord Owner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(DocumentOwner owner, long ownerId, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(owner))
            return NotFound();
        Owner = await DocumentOwners.FindAsync(db, me, owner, ownerId, ct);
        return Page();
    }
}
