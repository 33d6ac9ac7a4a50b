using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>Invitations and answers of one kind of subject: counts per rating, answer rate and average.</summary>
public sealed record SubjectSummary(SurveySubject Subject, int Invited, int[] ByRating)
{
    public int Answered => ByRating.Sum();

    public double? AnswerRate => Invited == 0 ? null : (double)Answered / Invited;

    public double? Average => Answered == 0 ? null : ByRating.Select((n, i) => (double)n * (i + 1)).Sum() / Answered;
}

/// <summary>The manager's summary of satisfaction over the invitations sent between two instants.</summary>
public static class SurveySummary
{
    public static async Task<List<SubjectSummary>> RunAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var groups = await db
            .Surveys.AsNoTracking()
            .Where(s => s.InvitedAtUtc >= fromUtc && s.InvitedAtUtc < toUtc)
            .GroupBy(s => new { s.Subject, s.Rating })
            .Select(g => new
            {
                g.Key.Subject,
                g.Key.Rating,
                Count = g.Count(),
            })
            .ToListAsync(ct);
        return
        [
            .. Enum.GetValues<SurveySubject>()
                .Select(subject =>
                {
                    var mine = groups.Where(g => g.Subject == subject).ToList();
                    var byRating = new int[5];
                    foreach (var g in mine.Where(g => g.Rating is >= 1 and <= 5))
                        byRating[g.Rating!.Value - 1] += g.Count;
                    return new SubjectSummary(subject, mine.Sum(g => g.Count), byRating);
                }),
        ];
    }
}
