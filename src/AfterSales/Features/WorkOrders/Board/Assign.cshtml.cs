using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>
/// 派单 / 改派 from the board: sends a technician, or replaces the one sent with a reason. Goes
/// through the same event handler as the API (dispatch or reassign, with the version last seen).
/// </summary>
[Authorize(Policy = Policies.HandleWorkOrders)]
[Authorize(Roles = DispatchDesk.BoardRoles)]
public sealed class AssignTechnicianModel(AppDbContext db, CurrentUser me, UserManager<AppUser> users, RecordEvent record)
    : PageModel,
        IReloadsOnError
{
    public sealed record AssignInput
    {
        [Required(ErrorMessage = "请选择一名维修工程师"), StringLength(64), Display(Name = "工程师")]
        public string? TechnicianId { get; init; }

        [StringLength(500), Display(Name = "改派原因")]
        public string? Reason { get; init; }

        public long Version { get; init; }
    }

    [BindProperty]
    public AssignInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    public string? CurrentTechnicianId { get; private set; }
    public string? CurrentTechnicianName { get; private set; }
    public bool IsReassign => CurrentTechnicianId is not null;
    public List<DispatchDesk.Technician> Technicians { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        Input = new AssignInput { Version = _version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        if (!ModelState.IsValid)
            return this.Invalid();
        var type = IsReassign ? "reassign" : "dispatch";
        var w = await record.HandleAsync(
            id,
            new EventInput
            {
                Type = type,
                TechnicianId = Input.TechnicianId,
                Note = Input.Reason,
                Version = Input.Version,
            },
            ct
        );
        TempData["Flash"] = Texts.T(IsReassign ? "{0} 已改派给 {1}" : "{0} 已派单给 {1}", w.Number, w.TechnicianName);
        if (Request.IsHtmx())
        {
            // The form sat inside a board row: reload the whole board (a plain htmx swap would
            // fetch only the rows fragment into the page body).
            Response.Headers["HX-Redirect"] = BackUrl;
            return new NoContentResult();
        }
        return this.SeeOther(BackUrl);
    }

    long _version;

    public async Task ReloadAsync(CancellationToken ct)
    {
        var w =
            await db
                .WorkOrders.AsNoTracking()
                .VisibleTo(me)
                .Where(x => x.Id == Id)
                .Select(x => new
                {
                    x.Number,
                    x.TechnicianId,
                    x.TechnicianName,
                    x.Version,
                })
                .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        (Number, CurrentTechnicianId, CurrentTechnicianName, _version) = (w.Number, w.TechnicianId, w.TechnicianName, w.Version);
        Technicians = await DispatchDesk.TechniciansAsync(users);
    }

    public string BackUrl =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/Dispatch", StringComparison.Ordinal) ? url : "/Dispatch";
}
