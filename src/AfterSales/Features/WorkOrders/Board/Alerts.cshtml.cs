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

/// <summary>提醒: my unread due-soon and breach alerts, newest first; mark one or all as read.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AlertsModel(AppDbContext db, TimeProvider clock, CurrentUser me) : PageModel
{
    const int Shown = 200;

    public sealed record AlertRow(
        long Id,
        long WorkOrderId,
        string Number,
        ClockKind Kind,
        AlertType Type,
        bool ForDesk,
        DateTime CreatedAtUtc
    );

    public List<AlertRow> Rows { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = db.Alerts.AsNoTracking().For(me).Unread();
        Unread = await mine.CountAsync(ct);
        Rows = await mine.OrderByDescending(a => a.CreatedAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(Shown)
            .Join(
                db.WorkOrders,
                a => a.WorkOrderId,
                w => w.Id,
                (a, w) => new AlertRow(a.Id, a.WorkOrderId, w.Number, a.Kind, a.Type, a.RecipientUserId == null, a.CreatedAtUtc)
            )
            .ToListAsync(ct);
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
