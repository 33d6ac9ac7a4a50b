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
public sealed class EditContactModel(ContactEditor editor, AppDbContext db) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public long CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";

    public async Task OnGetAsync(long id, long contactId, CancellationToken ct) =>
        Input = ContactInput.From(await LoadAsync(id, contactId, ct));

    public async Task<IActionResult> OnPostAsync(long id, long contactId, CancellationToken ct)
    {
        await LoadAsync(id, contactId, ct);
        if (!ModelState.IsValid)
            return this.Invalid();
        var contact = await editor.UpdateAsync(id, contactId, Input, ct);
        TempData["Flash"] = Texts.T("已保存联系人“{0}”", contact.Name);
        return this.SeeOther($"/Customers/{id}#contacts");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, long contactId, CancellationToken ct)
    {
        await LoadAsync(id, contactId, ct);
        var contact = await editor.DeleteAsync(id, contactId, ct);
        TempData["Flash"] = Texts.T("已删除联系人“{0}”", contact.Name);
        return this.SeeOther($"/Customers/{id}#contacts");
    }

    async Task<Contact> LoadAsync(long id, long contactId, CancellationToken ct)
    {
        CustomerId = id;
        var contact = await editor.FindAsync(id, contactId, ct);
        CustomerName = await db.Customers.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(ct);
        return contact;
    }
}
