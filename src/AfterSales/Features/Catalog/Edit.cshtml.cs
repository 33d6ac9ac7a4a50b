using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Catalog;

/// <summary>Renames, regroups, reorders or deactivates a product type; its code stays.</summary>
[Authorize(Policy = Policies.EditCatalog)]
public sealed class EditModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public ProductTypeFields Input { get; set; } = new();

    public ProductType Type { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Input = ProductTypeFields.From(Type);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();
        Input.ApplyTo(Type);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("产品类型“{0}”已保存", Type.Name);
        return this.SeeOther("/Catalog");
    }

    async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Type = (await db.ProductTypes.FirstOrDefaultAsync(t => t.Id == id, ct))!;
        return Type is not null;
    }
}
