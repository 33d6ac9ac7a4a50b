using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

[Authorize(Policy = Policies.EditMasterData)]
public sealed class EditSiteModel(SiteEditor editor, AppDbContext db) : PageModel
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public long CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";

    public async Task OnGetAsync(long id, long siteId, CancellationToken ct) => Input = SiteInput.From(await LoadAsync(id, siteId, ct));

    public async Task<IActionResult> OnPostAsync(long id, long siteId, CancellationToken ct)
    {
        await LoadAsync(id, siteId, ct);
        if (!ModelState.IsValid)
            return this.Invalid();
        var site = await editor.UpdateAsync(id, siteId, Input, ct);
        TempData["Flash"] = Texts.T("已保存地点“{0}”", site.Name);
        return this.SeeOther($"/Customers/{id}#sites");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, long siteId, CancellationToken ct)
    {
        // The form is shown again with the refusal if the site still has assets.
        Input = SiteInput.From(await LoadAsync(id, siteId, ct));
        ModelState.Clear();
        var site = await editor.DeleteAsync(id, siteId, ct);
        TempData["Flash"] = Texts.T("已删除地点“{0}”", site.Name);
        return this.SeeOther($"/Customers/{id}#sites");
    }

    async Task<Site> LoadAsync(long id, long siteId, CancellationToken ct)
    {
        CustomerId = id;
        var site = await editor.FindAsync(id, siteId, ct);
        CustomerName = await db.Customers.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(ct);
        return site;
    }
}
