using System.Globalization;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>调度台: open work orders, nearest due first, coloured by their worst clock; assign or reassign from the row.</summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
[Authorize(Roles = DispatchDesk.BoardRoles)]
public sealed class DispatchBoardModel(
    AppDbContext db,
    TimeProvider clock,
    CurrentUser me,
    UserManager<AppUser> users,
    IAuthorizationService authorization
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Customer { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkOrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Technician { get; set; }

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Major { get; set; }

    /// <summary>The last key of the previous page (see <see cref="BoardCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    public List<BoardRow> Rows { get; private set; } = [];
    public BoardCursor? Next { get; private set; }
    public DateTime NowUtc { get; private set; }
    public string? CustomerName { get; private set; }
    public List<DispatchDesk.Technician> Technicians { get; private set; } = [];
    public bool CanAssign { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var size = Math.Clamp(Size ?? BoardQuery.DefaultPageSize, 1, BoardQuery.MaxPageSize);
        var filter = new BoardFilter(Q, Customer, Status, Technician, Channel, Major);
        var visible = db.WorkOrders.AsNoTracking().VisibleTo(me);
        (Rows, Next) = await BoardQuery.PageAsync(visible, db, filter, BoardCursor.Parse(After), size, ct);
        await BoardQuery.LightAsync(db, Rows, NowUtc, ct);
        CanAssign = (await authorization.AuthorizeAsync(User, Policies.HandleWorkOrders)).Succeeded;
        if (Request.IsHtmx() && !Request.Headers.ContainsKey("HX-Boosted"))
            return this.PageOrPartial("_Rows");
        // The filter form is drawn on full page loads only.
        Technicians = await DispatchDesk.TechniciansAsync(users);
        if (Customer is { } id)
            CustomerName = await db.Customers.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct);
        return this.PageOrPartial("_Rows");
    }

    /// <summary>The board URL with the current filters, changed by <paramref name="change"/>.</summary>
    public string BoardUrl(Action<Dictionary<string, string?>>? change = null)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Q))
            query["q"] = Q.Trim();
        if (Customer is { } c)
            query["customer"] = c.ToString(CultureInfo.InvariantCulture);
        if (Status is { } s)
            query["status"] = s.ToString();
        if (!string.IsNullOrEmpty(Technician))
            query["technician"] = Technician;
        if (Channel is { } ch)
            query["channel"] = ch.ToString();
        if (Major)
            query["major"] = "true";
        if (Size is { } size)
            query["size"] = size.ToString(CultureInfo.InvariantCulture);
        change?.Invoke(query);
        return QueryHelpers.AddQueryString("/Dispatch", query.Where(kv => kv.Value is not null));
    }

    public string NextUrl => BoardUrl(q => q["after"] = Next?.ToString());

    /// <summary>Where the assign form sends the dispatcher back: this very page of the board.</summary>
    public string ReturnUrl => BoardUrl(q => q["after"] = After);
}
