using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Penalties;

/// <summary>
/// 核销: a manager cancels one entry with a counter-entry and a reason (the customer denied access,
/// force majeure…). Reached from the work order's penalties; the entry must be that work order's.
/// </summary>
[Authorize(Policy = Policies.ManagePenalties)]
public sealed class WaiveModel(PenaltyLedger ledger, PenaltyPosting posting) : PageModel, IReloadsOnError
{
    public sealed class WaiveForm
    {
        [Required, StringLength(PenaltyPosting.MaxText), Display(Name = "核销原因")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public WaiveForm Input { get; set; } = new();

    /// <summary>The work order the entry was reached from.</summary>
    [BindProperty(SupportsGet = true)]
    public long? WorkOrderId { get; set; }

    public long Id { get; private set; }
    public PenaltyLine Entry { get; private set; } = null!;
    public ContractHeader Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        if (Entry is null)
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();
        var waiver = await posting.WaiveAsync(id, Input.Reason ?? "", null, WorkOrderId, ct);
        TempData["Flash"] = Texts.T("已核销 #{0}", Entry.Id);
        return this.SeeOther(waiver.WorkOrderId is { } w ? $"/WorkOrders/{w}#penalties" : $"/Contracts/{waiver.ContractId}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Entry = (await ledger.EntryAsync(Id, ct))!;
        if (Entry is not null)
            Contract = (await ledger.HeaderAsync(Entry.ContractId, ct))!;
    }
}
