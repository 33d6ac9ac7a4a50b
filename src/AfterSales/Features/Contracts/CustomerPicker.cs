using System.Globalization;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>
/// The customer select of the New pages (contracts, assets): the first customers by name, or
/// those whose name contains what was typed in the search box above it, plus the chosen one.
/// </summary>
public static class CustomerPicker
{
    public const int Shown = 200;

    public static async Task<List<SelectListItem>> OptionsAsync(AppDbContext db, string? text, long? selectedId, CancellationToken ct)
    {
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(c => c.Name.Contains(t) || c.CreditCode.Contains(t.ToUpperInvariant()));
        }
        var found = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(Shown).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        if (selectedId is { } id && found.All(c => c.Id != id))
            found.InsertRange(0, await db.Customers.Where(c => c.Id == id).Select(c => new { c.Id, c.Name }).ToListAsync(ct));
        return [.. found.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture), c.Id == selectedId))];
    }
}
