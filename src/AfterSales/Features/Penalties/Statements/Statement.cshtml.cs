using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// 违约金结算单 on screen, for staff and for the contract's own customer (another customer's
/// contract is a 404). A manager waives an entry from here: the entry's "核销" link shows the
/// waiver form at the top of the statement, and the waiver is the ledger's own counter-entry.
/// </summary>
[Authorize(Policy = Policies.ReadPenalties)]
public sealed class StatementModel(
    StatementReports reports,
    PenaltyLedger ledger,
    PenaltyPosting posting,
    IAuthorizationService auth,
    TimeProvider clock
) : PageModel, IReloadsOnError
{
    public sealed class WaiverForm
    {
        public long EntryId { get; set; }

        [Required, StringLength(PenaltyPosting.MaxText), Display(Name = "核销原因")]
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true), Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    /// <summary>The page of entries shown ("p": "page" is the route value of Razor Pages).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? EntriesPage { get; set; }

    /// <summary>The entry whose waiver form is open.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Waive { get; set; }

    [BindProperty]
    public WaiverForm Input { get; set; } = new();

    public long Id { get; private set; }
    public ContractHeader Contract { get; private set; } = null!;

    /// <summary>Null when the period asked for is refused (the errors say why).</summary>
    public StatementReport? Report { get; private set; }
    public bool CanWaive { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The entry whose waiver form is open: on the page shown, or elsewhere in the period.</summary>
    public PenaltyLine? WaiverEntry { get; private set; }

    public bool Waivable(PenaltyLine l) => CanWaive && !l.Kind.IsCounterEntry() && l.CounterEntryId is null && l.AmountFen != 0;

    public string Query => Report?.Period.Query ?? "";

    /// <summary>This statement's address for another page of entries (or, with <paramref name="waive"/>, with a waiver form open).</summary>
    public string Link(int page, long? waive = null)
    {
        var query = new List<string>();
        if (Query.Length > 0)
            query.Add(Query[1..]);
        if (page > 1)
            query.Add($"p={page}");
        if (waive is { } w)
            query.Add($"waive={w}");
        return $"/Contracts/{Id}/Penalties" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        if (Report is null && Contract is null)
            return NotFound();
        return ModelState.IsValid ? Page() : this.Invalid();
    }

    public async Task<IActionResult> OnPostWaiveAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await reports.HeaderAsync(id, ct) is null)
            return NotFound();
        if (!await ManagerAsync())
        {
            await ReloadAsync(ct);
            ModelState.AddModelError("", Texts.T("只有客服主管可以核销违约金"));
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        var waiver = await posting.WaiveAsync(Input.EntryId, Input.Reason ?? "", id, null, ct);
        var original = await ledger.EntryAsync(Input.EntryId, ct);
        TempData["Flash"] = Texts.T("已核销第 {0} 条，冲销记录为第 {1} 条", original?.Sequence ?? Input.EntryId, waiver.Sequence);
        // Back to the page the entry was waived from, where it now shows as cancelled.
        var page = EntriesPage is > 1 ? (PeriodQuery().Length > 0 ? "&" : "?") + $"p={EntriesPage}" : "";
        return this.SeeOther($"/Contracts/{id}/Penalties{PeriodQuery()}{page}#entry-{Input.EntryId}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Contract = (await reports.HeaderAsync(Id, ct))!;
        if (Contract is null)
            return;
        Today = Display.Today(clock, Contract.TimeZone);
        CanWaive = await ManagerAsync();
        if (!ModelState.IsValid && Request.Method == HttpMethods.Get)
            return;
        try
        {
            var period = StatementPeriod.Of(From, To, Contract.TimeZone);
            Report = await reports.LoadAsync(Id, period, ct, EntriesPage ?? 1);
            WaiverEntry = await WaiverEntryAsync(period, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Localized);
        }
    }

    /// <summary>The page holds one page of entries; the form may name any entry of the contract in the period.</summary>
    async Task<PenaltyLine?> WaiverEntryAsync(StatementPeriod period, CancellationToken ct)
    {
        if ((Input.EntryId != 0 ? Input.EntryId : Waive) is not { } id || Report is null)
            return null;
        if (Report.Entries.FirstOrDefault(l => l.Id == id) is { } shown)
            return shown;
        return
            await ledger.EntryAsync(id, ct) is { } l
            && l.ContractId == Id
            && (period.FromUtc is null || l.OccurredAtUtc >= period.FromUtc)
            && (period.ToUtc is null || l.OccurredAtUtc < period.ToUtc)
            ? l
            : null;
    }

    string PeriodQuery()
    {
        try
        {
            return StatementPeriod.Of(From, To, Contract?.TimeZone).Query;
        }
        catch (DomainException)
        {
            return "";
        }
    }

    async Task<bool> ManagerAsync() => (await auth.AuthorizeAsync(User, Policies.ManagePenalties)).Succeeded;
}
