using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Pages;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// 登记损失: a manager enters the assessed losses a fault on a work order caused, choosing the
/// documents of the work order (or of its visits) that prove them.
/// </summary>
[Authorize(Policy = Policies.ManagePenalties)]
public sealed class LossModel(AppDbContext db, CurrentUser me, PenaltyPosting posting) : PageModel, IReloadsOnError
{
    public sealed class LossForm
    {
        [Required, Display(Name = "损失金额（元）")]
        public string? Amount { get; set; }

        [Required, StringLength(PenaltyPosting.MaxText), Display(Name = "损失评估说明")]
        public string? Assessment { get; set; }

        [Display(Name = "证明文档")]
        public List<long> DocumentIds { get; set; } = [];

        /// <summary>Wall-clock time in the work order's zone; now when empty.</summary>
        [Display(Name = "发生时间")]
        public DateTime? OccurredAt { get; set; }
    }

    [BindProperty]
    public LossForm Input { get; set; } = new();

    public long Id { get; private set; }
    public WorkOrder WorkOrder { get; private set; } = null!;
    public List<Document> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        return WorkOrder is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        if (WorkOrder is null)
            return NotFound();
        if (!MoneyInput.TryParseFen(Input.Amount, out var fen) && !string.IsNullOrWhiteSpace(Input.Amount))
            ModelState.AddModelError("Input.Amount", Texts.T("请填写有效的金额，例如 1234.50"));
        if (!ModelState.IsValid)
            return this.Invalid();
        DateTime? at = Input.OccurredAt is { } local ? LocalTime.ToUtc(local, WorkOrder.TimeZone, "OccurredAt") : null;
        await posting.RecordLossAsync(id, new LossInput(fen, Input.Assessment ?? "", Input.DocumentIds, at), ct);
        TempData["Flash"] = Texts.T("已登记损失 {0}", Display.Money(fen));
        return this.SeeOther($"/WorkOrders/{id}#penalties");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        WorkOrder = (await db.WorkOrders.VisibleTo(me).AsNoTracking().FirstOrDefaultAsync(w => w.Id == Id, ct))!;
        if (WorkOrder is null)
            return;
        var visits = db.Visits.Where(v => v.WorkOrderId == Id).Select(v => v.Id);
        Documents = await db
            .Documents.AsNoTracking()
            .Where(d =>
                (d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == Id)
                || (d.OwnerType == DocumentOwner.Visit && visits.Contains(d.OwnerId))
            )
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
    }
}
