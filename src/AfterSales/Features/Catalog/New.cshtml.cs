using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Catalog;

[Authorize(Policy = Policies.EditCatalog)]
public sealed class NewModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public NewProductType Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        var type = await Input.CreateAsync(db, ct);
        db.ProductTypes.Add(type);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("产品类型“{0}”已保存", type.Name);
        return this.SeeOther("/Catalog");
    }
}
