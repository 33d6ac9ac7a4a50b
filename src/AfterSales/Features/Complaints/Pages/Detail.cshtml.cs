using AfterSales.Features.Complaints.Precedents;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
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

namespace AfterSales.Features.Complaints.Pages;

/// <summary>A precedent as the handler sees it: the case, its remedy and how it ended.</summary>
public sealed record PrecedentRow(PrecedentMatch Match, string Number, string Customer, string? Summary, bool? Accepted, int? Satisfaction);

/// <summary>
/// 投诉处理: the whole case on one page. Handlers record each step in the order the principles ask
/// (thank, listen, apologise; investigate; escalate what is beyond their authority; reply; remedy),
/// beside the most similar closed cases; a manager closes it with the responsibility determination.
/// A customer sees its own complaint without the internal handling.
/// </summary>
[Authorize(Policy = Policies.ReadComplaints)]
public sealed class ComplaintDetailModel(
    AppDbContext db,
    TimeProvider clock,
    CurrentUser me,
    ReceiveComplaint receive,
    PrecedentSource precedents,
    ComplaintRemedies remedies,
    CloseComplaint closing,
    ComplaintEscalation escalation,
    Satisfaction.SatisfactionSurveys surveys
) : PageModel, IReloadsOnError
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public long Id { get; private set; }
    public Complaint Complaint { get; private set; } = null!;
    public string CustomerName { get; private set; } = "";
    public List<ClockSnapshot> Clocks { get; private set; } = [];
    public List<PrecedentRow> Precedents { get; private set; } = [];
    public (long Low, long High)? ComparableRange { get; private set; }
    public int MarginPercent => remedies.MarginPercent;

    /// <summary>The managers a handler can escalate to (user name, name).</summary>
    public List<(string UserName, string Name)> Managers { get; private set; } = [];
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public bool CanHandle => !Complaint.IsClosed && (me.IsInRole(Roles.Agent) || me.IsInRole(Roles.Manager));
    public bool CanClose => !Complaint.IsClosed && me.IsInRole(Roles.Manager);
    public bool IsManager => me.IsInRole(Roles.Manager);
    public bool IsStaff => me.IsStaff;

    /// <summary>The change history holds the internal penalty, so only managers and auditors see it.</summary>
    public bool SeesAudit => me.IsInRole(Roles.Manager) || me.IsInRole(Roles.Auditor);

    /// <summary>Once closed, the complaint's handlers may send the customer a fresh survey link.</summary>
    public bool CanResendSurvey => Complaint.IsClosed && Handler();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        return Complaint is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, (c, at, now, by) => c.Acknowledge(Input.Thanked, Input.HeardOut, Input.Apologised, Input.Note, at, now, by), ct);

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, (c, at, now, by) => c.Investigate(Input.Note, at, now, by), ct);

    public async Task<IActionResult> OnPostEscalateAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (!Handler())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, ct);
        var c = await TrackedAsync(id, ct);
        var (at, now) = Instants(c);
        await escalation.EscalateAsync(c, Input.EscalatedTo, Input.EscalationReason, at, now, me.AsActor(), ct);
        return this.SeeOther($"/Complaints/{id}");
    }

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, (c, at, now, by) => c.Reply(Input.ReplyText, Input.ReplyChannel, at, now, by), ct);

    public async Task<IActionResult> OnPostExplainAsync(long id, CancellationToken ct)
    {
        if (!Handler())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, ct);
        var c = await TrackedAsync(id, ct);
        var (_, calendar) = await receive.TermsAsync(c.CustomerId, c.TimeZone, c.WorkOrderId, ct);
        DateTime? committed = Input.CommittedResolution is { } local ? LocalTime.ToUtc(local, c.TimeZone, "CommittedResolution") : null;
        var (at, now) = Instants(c);
        c.Explain(Input.ExplanationText, Input.ExplanationChannel, committed, at, now, me.AsActor(), calendar);
        await db.SaveComplaintAsync(ct);
        return this.SeeOther($"/Complaints/{id}");
    }

    public async Task<IActionResult> OnPostRemedyAsync(long id, CancellationToken ct)
    {
        if (!Handler())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, ct);
        var c = await TrackedAsync(id, ct);
        var fen = Fen(Input.Amount, "Amount");
        var (at, _) = Instants(c);
        await remedies.ProposeAsync(c, new RemedyInput(Input.Kind, Input.Detail, fen, Input.Justification, at), me.AsActor(), ct);
        return this.SeeOther($"/Complaints/{id}");
    }

    public Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, (c, at, now, by) => c.AnswerRemedy(Input.Accepted, Input.Satisfaction, Input.Note, at, now, by), ct);

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!me.IsInRole(Roles.Manager))
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, ct);
        var r = new Responsibility(
            Input.NoOneResponsible,
            Input.ResponsibleStaff,
            Input.ResponsibleDepartment,
            Input.Finding,
            Input.Improvement,
            Input.Penalty,
            Fen(Input.PenaltyAmount, "PenaltyAmount")
        );
        await closing.HandleAsync(id, r, Input.Summary, me.AsActor(), ct, Input.Version);
        TempData["Flash"] = closing.SurveyLink is { } link
            ? Texts.T("投诉已结案，请将满意度回访链接发给客户：{0}", $"{Request.Scheme}://{Request.Host}{link}")
            : Texts.T("投诉已结案");
        return this.SeeOther($"/Complaints/{id}");
    }

    /// <summary>重新发送回访链接: a fresh survey link to copy; the old one stops working.</summary>
    public async Task<IActionResult> OnPostSurveyLinkAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (!Handler())
            return Forbid();
        if (!await db.Complaints.AnyAsync(c => c.Id == id, ct))
            return NotFound();
        var sent = await surveys.ResendAsync(Satisfaction.SurveySubject.Complaint, id, ct);
        TempData[Satisfaction.WorkOrderSatisfactionViewComponent.NewLinkKey] = $"{Request.Scheme}://{Request.Host}{sent.Link}";
        TempData["Flash"] = Texts.T("已重新生成满意度回访链接，旧链接已失效");
        return this.SeeOther($"/Complaints/{id}#satisfaction");
    }

    /// <summary>A field too long or of the wrong type: the page again with the errors, nothing saved.</summary>
    async Task<IActionResult> InvalidAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        return Complaint is null ? NotFound() : this.Invalid();
    }

    /// <summary>The complaint to change, as the form saw it: a form filled in on an older version is refused.</summary>
    async Task<Complaint> TrackedAsync(long id, CancellationToken ct)
    {
        var c = await ComplaintRemedies.TrackedAsync(db, id, ct);
        c.CheckVersion(Input.Version);
        return c;
    }

    bool Handler() => me.IsInRole(Roles.Agent) || me.IsInRole(Roles.Manager);

    (DateTime At, DateTime Now) Instants(Complaint c)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (Input.OccurredAt is { } local ? LocalTime.ToUtc(local, c.TimeZone, "OccurredAt") : now, now);
    }

    static long Fen(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? 0
        : MoneyInput.TryParseFen(text, out var fen) ? fen
        : throw DomainException.For(field, "请填写有效的金额，例如 1234.50");

    async Task<IActionResult> ChangeAsync(long id, Action<Complaint, DateTime, DateTime, Actor> change, CancellationToken ct)
    {
        Id = id;
        if (!Handler())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, ct);
        var c = await TrackedAsync(id, ct);
        var (at, now) = Instants(c);
        change(c, at, now, me.AsActor());
        await db.SaveComplaintAsync(ct);
        return this.SeeOther($"/Complaints/{id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        if (Id == 0 && RouteData.Values.TryGetValue("id", out var raw) && long.TryParse(raw?.ToString(), out var routeId))
            Id = routeId;
        Complaint = (
            await db
                .Complaints.AsNoTracking()
                .Include(c => c.Clocks)
                .Include(c => c.Events)
                .AsSplitQuery()
                .FirstOrDefaultAsync(c => c.Id == Id, ct)
        )!;
        if (Complaint is null)
            return;
        CustomerName = await db.Customers.Where(c => c.Id == Complaint.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var (_, calendar) = await receive.TermsAsync(Complaint.CustomerId, Complaint.TimeZone, Complaint.WorkOrderId, ct);
        Clocks = [.. Complaint.Clocks.OrderBy(k => k.Kind).Select(k => k.At(NowUtc, calendar))];
        if (IsStaff)
            await LoadPrecedentsAsync(ct);
        if (CanHandle)
            Managers = await escalation.ManagersAsync();
    }

    async Task LoadPrecedentsAsync(CancellationToken ct)
    {
        var matches = await precedents.ForAsync(db, Complaint, ct);
        var ids = matches.Select(m => m.Id).ToList();
        var rows = await db
            .Complaints.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(
                db.Customers.IgnoreQueryFilters(),
                c => c.CustomerId,
                k => k.Id,
                (c, k) =>
                    new
                    {
                        c.Id,
                        c.Number,
                        k.Name,
                        c.Summary,
                        c.CustomerAccepted,
                        c.Satisfaction,
                    }
            )
            .ToListAsync(ct);
        Precedents =
        [
            .. matches.Join(
                rows,
                m => m.Id,
                r => r.Id,
                (m, r) => new PrecedentRow(m, r.Number, r.Name, r.Summary, r.CustomerAccepted, r.Satisfaction)
            ),
        ];
        var amounts = PrecedentSource
            .Comparables(matches)
            .Where(r => Rules.FairnessRules.HasAmount(r.Kind) && r.AmountFen > 0)
            .Select(r => r.AmountFen)
            .ToList();
        ComparableRange = amounts.Count > 0 ? (amounts.Min(), amounts.Max()) : null;
    }
}
