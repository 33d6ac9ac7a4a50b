using AfterSales.Platform.Data;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// The personal link (回访链接): no login, one answer, until it expires. A used, expired or
/// unknown link shows why and records nothing.
/// </summary>
[AllowAnonymous]
public sealed class SurveyModel(AppDbContext db, SatisfactionSurveys surveys, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RatingInput Input { get; set; } = new();

    public string SubjectTitle { get; private set; } = "";

    /// <summary>Why the link cannot be answered, or null when it can.</summary>
    public string? Refusal { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await ShowAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var shown = await ShowAsync(token, ct);
        if (Refusal is not null || !ModelState.IsValid)
            return Refusal is null ? this.Invalid() : shown;
        await surveys.AnswerByLinkAsync(token, Input.Rating, Input.Comment, ct);
        Done = true;
        return Page();
    }

    async Task<IActionResult> ShowAsync(string token, CancellationToken ct)
    {
        var survey = await surveys.FindByTokenAsync(token, ct);
        if (survey is null)
        {
            Refusal = Texts.T("回访链接无效");
            return WithStatus(StatusCodes.Status404NotFound);
        }
        SubjectTitle = await SurveySubjects.TitleAsync(db, survey.Subject, survey.SubjectId, ct);
        if (survey.IsAnswered)
            Refusal = Texts.T("该回访已评价，链接只能使用一次");
        else if (survey.IsExpired(clock.GetUtcNow().UtcDateTime))
            Refusal = Texts.T("该回访链接已过期");
        return Refusal is null ? Page() : WithStatus(StatusCodes.Status410Gone);
    }

    PageResult WithStatus(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
