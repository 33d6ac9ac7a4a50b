using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.Users;

/// <summary>All user accounts, searchable by user name or display name.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var upper = q.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(q));
        }
        var users = await query
            .OrderBy(u => u.NormalizedUserName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.CustomerId,
                u.LockoutEnd,
            })
            .ToListAsync(ct);
        HasMore = users.Count > PageSize;
        users = [.. users.Take(PageSize)];

        var ids = users.Select(u => u.Id).ToList();
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ids.Contains(ur.UserId)
            select new { ur.UserId, r.Name }
        ).ToListAsync(ct);
        var customerIds = users.Where(u => u.CustomerId is not null).Select(u => u.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var now = clock.GetUtcNow();
        Rows =
        [
            .. users.Select(u => new UserRow(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Array.IndexOf(Roles.All, r))],
                u.CustomerId is { } c ? customers.GetValueOrDefault(c) : null,
                u.LockoutEnd > now
            )),
        ];
        return this.PageOrPartial("_Rows");
    }

    public string PageUrl(int page) => $"/Admin/Users?q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Customer, bool Locked);
