using System.Globalization;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.WorkOrders.Agreements;

/// <summary>
/// 维修协议 of one work order. Staff who handle work orders write the quote while it is a draft
/// and record the customer's answer; a customer user reads its own agreement and accepts or
/// declines it here in the portal.
/// </summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
public sealed class AgreementModel(RepairAgreements agreements, IAuthorizationService auth, CurrentUser me, TimeProvider clock)
    : PageModel,
        IReloadsOnError
{
    /// <summary>Blank rows offered below the existing lines for new items.</summary>
    const int BlankRows = 3;

    public sealed class LineForm
    {
        public string? Description { get; set; }
        public int? Quantity { get; set; }
        public string? UnitPrice { get; set; }
    }

    public sealed class QuoteForm
    {
        public List<LineForm> Lines { get; set; } = [];
        public DateTime? AgreedCompletion { get; set; }
    }

    public sealed class AnswerForm
    {
        public string? Name { get; set; }
        public DateTime? At { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public QuoteForm Quote { get; set; } = new();

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    public long Id { get; private set; }
    public WorkOrder WorkOrder { get; private set; } = null!;
    public RepairAgreement? Agreement { get; private set; }
    public bool MayQuote { get; private set; }
    public bool MayAnswer { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await LoadAsync(ct);
        Quote = new QuoteForm
        {
            Lines =
            [
                .. (Agreement?.Lines ?? [])
                    .OrderBy(l => l.Position)
                    .Select(l => new LineForm
                    {
                        Description = l.Description,
                        Quantity = l.Quantity,
                        UnitPrice = MoneyInput.ToInput(l.UnitPriceFen),
                    }),
            ],
            AgreedCompletion = Agreement is null ? null : Display.ToLocal(Agreement.AgreedCompletionUtc, WorkOrder.TimeZone),
        };
        Answer = new AnswerForm { Name = me.IsCustomer ? me.DisplayName : WorkOrder.ContactName };
        PadLines();
    }

    public async Task<IActionResult> OnPostQuoteAsync(long id, CancellationToken ct)
    {
        Id = id;
        await LoadAsync(ct);
        if (!MayQuote)
            return Forbid();
        var lines = new List<QuoteLine>();
        foreach (var (line, i) in Quote.Lines.Select((l, i) => (l, i)))
        {
            if (IsBlank(line))
                continue; // an unused blank row
            if (!MoneyInput.TryParseFen(line.UnitPrice, out var fen))
                ModelState.AddModelError($"Quote.Lines[{i}].UnitPrice", Texts.T("第 {0} 项：单价格式不正确", i + 1));
            lines.Add(new QuoteLine(line.Description ?? "", line.Quantity ?? 0, fen));
        }
        if (Quote.AgreedCompletion is null)
            ModelState.AddModelError("Quote.AgreedCompletion", Texts.T("请填写约定完成时间"));
        if (!ModelState.IsValid)
        {
            PadLines();
            return this.Invalid();
        }
        await agreements.SaveDraftAsync(id, lines, ToUtc(Quote.AgreedCompletion!.Value), ct);
        TempData["Flash"] = Texts.T("已保存维修协议");
        return this.SeeOther($"/WorkOrders/{id}/Agreement");
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct)
    {
        Id = id;
        await LoadAsync(ct);
        if (!MayAnswer)
            return Forbid();
        await agreements.AcceptAsync(id, Answer.Name, Answer.At is { } at ? ToUtc(at) : null, ct);
        TempData["Flash"] = Texts.T("维修协议已确认，约定完成时间即为恢复时限");
        return this.SeeOther($"/WorkOrders/{id}/Agreement");
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct)
    {
        Id = id;
        await LoadAsync(ct);
        if (!MayAnswer)
            return Forbid();
        await agreements.DeclineAsync(id, Answer.Name, Answer.Reason, ct);
        TempData["Flash"] = Texts.T("已记录客户拒绝维修协议");
        return this.SeeOther($"/WorkOrders/{id}/Agreement");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        PadLines();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        (WorkOrder, Agreement) = await agreements.FindAsync(Id, ct);
        MayQuote = await RepairAgreements.MayQuoteAsync(auth, User, me);
        MayAnswer = await RepairAgreements.MayAnswerAsync(auth, User, me);
    }

    void PadLines()
    {
        while (Quote.Lines.Count(IsBlank) < BlankRows)
            Quote.Lines.Add(new LineForm());
    }

    static bool IsBlank(LineForm l) =>
        string.IsNullOrWhiteSpace(l.Description) && l.Quantity is null && string.IsNullOrWhiteSpace(l.UnitPrice);

    /// <summary>Times on the form are the customer's local time.</summary>
    DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Display.Zone(WorkOrder.TimeZone));

    public string LocalNow =>
        Display.ToLocal(clock.GetUtcNow().UtcDateTime, WorkOrder.TimeZone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
