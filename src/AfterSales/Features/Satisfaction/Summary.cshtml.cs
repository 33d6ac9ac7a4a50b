using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Satisfaction;

/// <summary>满意度汇总 for managers: answer rate, average and the spread of ratings per kind of subject, over chosen days.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class SatisfactionSummaryModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public List<SubjectSummary> Subjects { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        To = to ?? Display.Today(clock);
        From = from is { } f && f <= To ? f : To.AddDays(-29);
        var zone = Display.Zone(null);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(From.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        Subjects = await SurveySummary.RunAsync(db, fromUtc, toUtc, ct);
    }
}
