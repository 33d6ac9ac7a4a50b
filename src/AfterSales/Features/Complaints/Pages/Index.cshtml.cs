using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Pages;

public sealed record ComplaintRow(
    long Id,
    string Number,
    string Customer,
    ComplaintCategory Category,
    ComplaintStatus Status,
    bool IsMajor,
    DateTime ReceivedAtUtc,
    string TimeZone,
    string Description
);

public sealed record ComplaintAlertRow(
    long ComplaintId,
    string Number,
    WorkOrders.Clocks.ClockKind Kind,
    bool Breached,
    DateTime CreatedAtUtc
);

/// <summary>
/// 投诉列表: open complaints first, newest first (a customer sees its own only), and for the
/// complaint desk the latest due-soon and breach alerts of complaint clocks (the desk's alerts of the
/// shared inbox, read or not).
/// </summary>
[Authorize(Policy = Policies.ReadComplaints)]
public sealed class ComplaintsIndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    const int PageSize = 50;

    public List<ComplaintRow> Rows { get; private set; } = [];
    public List<ComplaintAlertRow> Alerts { get; private set; } = [];
    public bool ShowClosed { get; private set; }
    public bool CanFile => me.IsCustomer || me.IsInRole(Roles.Agent) || me.IsInRole(Roles.Manager);
    public bool IsManager => me.IsInRole(Roles.Manager);

    public async Task OnGetAsync(bool closed, CancellationToken ct)
    {
        ShowClosed = closed;
        var q = db.Complaints.AsNoTracking().Where(c => closed ? c.Status == ComplaintStatus.Closed : c.Status != ComplaintStatus.Closed);
        Rows = await q.OrderByDescending(c => c.Id)
            .Take(PageSize)
            .Join(
                db.Customers,
                c => c.CustomerId,
                k => k.Id,
                (c, k) =>
                    new ComplaintRow(c.Id, c.Number, k.Name, c.Category, c.Status, c.IsMajor, c.ReceivedAtUtc, c.TimeZone, c.Description)
            )
            .ToListAsync(ct);
        if (me.IsStaff)
            Alerts = await db
                .Alerts.AsNoTracking()
                .Where(a => a.RecipientKey == Alert.ComplaintDesk && a.ComplaintId != null && a.Kind != null)
                .OrderByDescending(a => a.Id)
                .Take(20)
                .Join(
                    db.Complaints,
                    a => a.ComplaintId!.Value,
                    c => c.Id,
                    (a, c) => new ComplaintAlertRow(c.Id, c.Number, a.Kind!.Value, a.Type == AlertType.Breached, a.CreatedAtUtc)
                )
                .ToListAsync(ct);
    }
}
