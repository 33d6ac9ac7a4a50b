using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

[Authorize(Policy = Policies.EditMasterData)]
public sealed class NewContactModel(ContactEditor editor, AppDbContext db) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public long CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!ModelState.IsValid)
            return this.Invalid();
        var contact = await editor.AddAsync(id, Input, ct);
        TempData["Flash"] = Texts.T("已添加联系人“{0}”", contact.Name);
        return this.SeeOther($"/Customers/{id}#contacts");
    }

    async Task LoadAsync(long id, CancellationToken ct)
    {
        CustomerId = id;
        CustomerName =
            await db.Customers.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }
}
