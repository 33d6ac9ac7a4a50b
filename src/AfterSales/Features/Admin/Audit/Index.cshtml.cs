using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Admin.Audit;

/// <summary>Who changed what, when: the whole audit trail, filtered, newest first.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    /// <summary>The record types offered in the filter; any other type can still be asked for by URL.</summary>
    public static readonly string[] KnownTypes =
    [
        "Customer",
        "Contact",
        "Site",
        "Contract",
        "Asset",
        "ProductType",
        "Document",
        "ApiKey",
        "AppUser",
        "HolidayOverride",
    ];

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    /// <summary>Who made the change (part of the name).</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasMore { get; private set; }

    public IEnumerable<string> TypeChoices =>
        string.IsNullOrEmpty(EntityType) || KnownTypes.Contains(EntityType) ? KnownTypes : [.. KnownTypes, EntityType];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Entries, HasMore) = await AuditSearch.RunAsync(db, new AuditFilter(EntityType, EntityId, By, From, To, PageNumber), ct);
        return this.PageOrPartial("_Rows");
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["entityType"] = EntityType,
            ["entityId"] = EntityId,
            ["user"] = By,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Admin/Audit",
            query.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );
    }
}
