using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Catalog;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 检查项: the checklist of each product type, edited by those who edit the catalog. An item is
/// retired rather than deleted, so findings that name it keep their meaning.
/// </summary>
[Authorize(Policy = Policies.EditCatalog)]
public sealed class ChecklistsModel(AppDbContext db) : PageModel, IReloadsOnError
{
    public sealed class ItemFields
    {
        [Required, StringLength(ChecklistItem.MaxText), Display(Name = "检查项")]
        public string? Text { get; set; }

        [StringLength(ChecklistItem.MaxText), Display(Name = "英文")]
        public string? TextEn { get; set; }

        [Range(0, 100_000), Display(Name = "排序")]
        public int SortOrder { get; set; }

        public bool Active { get; set; } = true;
    }

    [BindProperty(SupportsGet = true)]
    public long? TypeId { get; set; }

    public List<ProductType> Types { get; private set; } = [];
    public ProductType? Type { get; private set; }
    public List<ChecklistItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(ItemFields item, CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Type is null)
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();
        db.ChecklistItems.Add(ChecklistItem.Create(Type.Id, item.Text!, item.TextEn ?? "", item.SortOrder));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("检查项已保存");
        return this.SeeOther($"/Inspections/Checklists?TypeId={Type.Id}");
    }

    public async Task<IActionResult> OnPostEditAsync(long itemId, ItemFields item, CancellationToken ct)
    {
        var row = await db.ChecklistItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (row is null)
            return NotFound();
        TypeId = row.ProductTypeId;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        row.Update(item.Text!, item.TextEn ?? "", item.SortOrder, item.Active);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Texts.T("检查项已保存");
        return this.SeeOther($"/Inspections/Checklists?TypeId={row.ProductTypeId}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Types = await db.ProductTypes.AsNoTracking().Where(t => t.Group == ProductGroup.Signage).OrderBy(t => t.SortOrder).ToListAsync(ct);
        Type = Types.FirstOrDefault(t => t.Id == TypeId) ?? Types.FirstOrDefault();
        Items = Type is null
            ? []
            : await db
                .ChecklistItems.AsNoTracking()
                .Where(i => i.ProductTypeId == Type.Id)
                .OrderBy(i => i.SortOrder)
                .ThenBy(i => i.Id)
                .ToListAsync(ct);
    }
}
