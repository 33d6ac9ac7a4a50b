using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 巡检 list: the dispatcher's view of every round (filters, keyset pages), a technician's own
/// rounds, a customer's rounds in the portal. Missed rounds are counted at the top.
/// </summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
public sealed class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RoundStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Season? Season { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public RoundPage Rounds { get; private set; } = new([], null);
    public int Missed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await RoundQuery.PageAsync(db, me, new RoundFilter(Status, Season, Year, After: After), ct);
        Missed = await InspectionVisibility.Rounds(db, me).CountAsync(r => r.Status == RoundStatus.Missed, ct);
    }

    public string NextUrl =>
        QueryHelpers.AddQueryString(
            "/Inspections",
            new Dictionary<string, string?>
            {
                ["Status"] = Status?.ToString(),
                ["Season"] = Season?.ToString(),
                ["Year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["After"] = Rounds.Next,
            }.Where(p => p.Value is not null)
        );
}
