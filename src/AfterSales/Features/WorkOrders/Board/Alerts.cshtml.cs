using AfterSales.Features.Inspections;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>提醒: my unread due-soon, breach, missed-round and escalation alerts, newest first; mark one or all as read.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AlertsModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    const int Shown = 200;

    /// <summary>
    /// One alert: a work order's or a complaint's clock (number and clock), a missed round (its
    /// season, year and customer) or an escalated complaint; <see cref="Desk"/> is the desk's key
    /// when it is for a whole desk.
    /// </summary>
    public sealed record AlertRow(
        long Id,
        long? WorkOrderId,
        long? RoundId,
        long? ComplaintId,
        ClockKind? Kind,
        AlertType Type,
        string? Desk,
        DateTime CreatedAtUtc
    )
    {
        public string Number { get; set; } = "";
        public MissedRound? Round { get; set; }
    }

    public sealed record MissedRound(Season Season, int Year, string Customer);

    public List<AlertRow> Rows { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = db.Alerts.AsNoTracking().For(me).Unread();
        Unread = await mine.CountAsync(ct);
        Rows = await mine.OrderByDescending(a => a.CreatedAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(Shown)
            .Select(a => new AlertRow(
                a.Id,
                a.WorkOrderId,
                a.InspectionRoundId,
                a.ComplaintId,
                a.Kind,
                a.Type,
                a.RecipientUserId == null ? a.RecipientKey : null,
                a.CreatedAtUtc
            ))
            .ToListAsync(ct);
        // What the alerts name, a keyed read per subject kind for the page shown rather than a join per kind.
        var workOrderIds = Rows.Where(r => r.WorkOrderId != null).Select(r => r.WorkOrderId!.Value).Distinct().ToList();
        var numbers = await db.WorkOrders.Where(w => workOrderIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        var complaintIds = Rows.Where(r => r.ComplaintId != null).Select(r => r.ComplaintId!.Value).Distinct().ToList();
        var complaintNumbers = await db.Complaints.Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var roundIds = Rows.Where(r => r.RoundId != null).Select(r => r.RoundId!.Value).Distinct().ToList();
        var rounds = await (
            from r in db.InspectionRounds
            join c in db.Customers on r.CustomerId equals c.Id
            where roundIds.Contains(r.Id)
            select new { r.Id, Round = new MissedRound(r.Season, r.SeasonYear, c.Name) }
        ).ToDictionaryAsync(r => r.Id, r => r.Round, ct);
        foreach (var row in Rows)
        {
            row.Number =
                row.WorkOrderId is { } w ? numbers.GetValueOrDefault(w, "")
                : row.ComplaintId is { } c ? complaintNumbers.GetValueOrDefault(c, "")
                : "";
            row.Round = row.RoundId is { } r ? rounds.GetValueOrDefault(r) : null;
        }
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var alert = await db.Alerts.For(me).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        alert.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return this.SeeOther("/Alerts");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Alerts.For(me).Unread().ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAtUtc, (DateTime?)now), ct);
        return this.SeeOther("/Alerts");
    }
}
