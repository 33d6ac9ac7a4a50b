using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Assets;
using AfterSales.Features.Documents;
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

namespace AfterSales.Features.Accidents;

/// <summary>
/// 登记事故, from the asset's page or the archive card: when, what happened, the assessed losses and
/// the asset's documents that prove them. The decision is made on saving and shown on the accident's page.
/// </summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class NewModel(AppDbContext db, AccidentDesk desk) : PageModel, IReloadsOnError
{
    public sealed class AccidentForm
    {
        /// <summary>Wall-clock time in the customer's zone.</summary>
        [Required, Display(Name = "事故时间")]
        public DateTime? OccurredAt { get; set; }

        [Required, StringLength(Accident.MaxText), Display(Name = "事故经过")]
        public string? Description { get; set; }

        [Display(Name = "损失金额（元）")]
        public string? Losses { get; set; }

        [StringLength(Accident.MaxText), Display(Name = "损失评估说明")]
        public string? LossAssessment { get; set; }

        [Display(Name = "证明文档")]
        public List<long> DocumentIds { get; set; } = [];
    }

    [BindProperty]
    public AccidentForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long AssetId { get; set; }

    public Asset Asset { get; private set; } = null!;
    public List<Document> Documents { get; private set; } = [];
    public string TimeZone => Asset.Contract!.Customer!.TimeZone;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        return Asset is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Asset is null)
            return NotFound();
        long fen = 0;
        if (!string.IsNullOrWhiteSpace(Input.Losses) && !MoneyInput.TryParseFen(Input.Losses, out fen))
            ModelState.AddModelError("Input.Losses", Texts.T("请填写有效的金额，例如 1234.50"));
        if (!ModelState.IsValid)
            return this.Invalid();
        var at = LocalTime.ToUtc(Input.OccurredAt!.Value, TimeZone, "OccurredAt");
        var accident = await desk.RecordAsync(
            new AccidentInput(AssetId, at, Input.Description, fen, Input.LossAssessment, Input.DocumentIds),
            Asset.CustomerId,
            ct
        );
        TempData["Flash"] = Texts.T("事故已登记");
        return this.SeeOther($"/Accidents/{accident.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Asset = (
            await db
                .Assets.AsNoTracking()
                .Include(a => a.Contract)
                    .ThenInclude(c => c!.Customer)
                .Include(a => a.ProductType)
                .Include(a => a.Site)
                .FirstOrDefaultAsync(a => a.Id == AssetId, ct)
        )!;
        if (Asset is null)
            return;
        Documents = await db
            .Documents.AsNoTracking()
            .Where(d => d.OwnerType == DocumentOwner.Asset && d.OwnerId == AssetId)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
    }
}
