using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// 满意度回访 in the portal: a customer user sees its own organisation's surveys and answers the
/// open ones here, without the link; staff see the latest answers of every customer.
/// </summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
public sealed class SatisfactionIndexModel(AppDbContext db, SatisfactionSurveys surveys, CurrentUser me, TimeProvider clock)
    : PageModel,
        Platform.Errors.IReloadsOnError
{
    [BindProperty]
    public RatingInput Input { get; set; } = new();

    public List<SurveyRow> Rows { get; private set; } = [];
    public bool IsCustomer => me.IsCustomer;
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct)
    {
        if (!me.IsCustomer)
            return Forbid();
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        await surveys.AnswerInPortalAsync(id, Input.Rating, Input.Comment, ct);
        TempData["Flash"] = Texts.T("感谢您的评价！");
        return this.SeeOther("/Satisfaction");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        // The customer scope of the context keeps another organisation's surveys out.
        Rows = await db
            .Surveys.AsNoTracking()
            .OrderByDescending(s => s.InvitedAtUtc)
            .ThenByDescending(s => s.Id)
            .Take(100)
            .Select(s => new SurveyRow(
                s.Id,
                s.Subject,
                s.SubjectId,
                s.CustomerId,
                s.InvitedAtUtc,
                s.ExpiresAtUtc,
                s.Rating,
                s.Comment,
                s.AnsweredAtUtc
            ))
            .ToListAsync(ct);
        var workOrderIds = Rows.Where(r => r.Subject == SurveySubject.WorkOrder).Select(r => r.SubjectId).ToList();
        var numbers = await db
            .WorkOrders.AsNoTracking()
            .Where(w => workOrderIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        var complaintIds = Rows.Where(r => r.Subject == SurveySubject.Complaint).Select(r => r.SubjectId).ToList();
        var complaintNumbers = await db
            .Complaints.AsNoTracking()
            .Where(c => complaintIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        Rows =
        [
            .. Rows.Select(r =>
                r with
                {
                    Title = (r.Subject == SurveySubject.WorkOrder ? numbers : complaintNumbers).TryGetValue(r.SubjectId, out var n)
                        ? n
                        : $"#{r.SubjectId}",
                }
            ),
        ];
    }
}

public sealed record SurveyRow(
    long Id,
    SurveySubject Subject,
    long SubjectId,
    long CustomerId,
    DateTime InvitedAtUtc,
    DateTime ExpiresAtUtc,
    int? Rating,
    string? Comment,
    DateTime? AnsweredAtUtc
)
{
    public string Title { get; init; } = "";

    public string Url => Subject == SurveySubject.WorkOrder ? $"/WorkOrders/{SubjectId}" : $"/Complaints/{SubjectId}";
}
