using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>
/// Invitations and answers. A closing feature calls <see cref="InviteAsync"/> (or
/// <see cref="StageAsync"/> to save the invitation with its own change) and gets back the
/// personal link, <c>/Survey/{token}</c>, to send to the customer. Settings:
/// <c>Satisfaction:LinkDays</c> (14 by default).
/// </summary>
public sealed class SatisfactionSurveys(AppDbContext db, TimeProvider clock, CurrentUser me, IConfiguration config)
{
    public const string LinkPrefix = "/Survey/";

    TimeSpan Lifetime => TimeSpan.FromDays(config.GetValue<double?>("Satisfaction:LinkDays") ?? 14);

    /// <summary>Invites the customer to rate a closed subject and saves; null when it was rated already.</summary>
    public async Task<string?> InviteAsync(SurveySubject subject, long subjectId, long customerId, CancellationToken ct)
    {
        var link = await StageAsync(subject, subjectId, customerId, ct);
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>Adds or re-issues the invitation on the shared context without saving, so it commits with the close.</summary>
    public async Task<string?> StageAsync(SurveySubject subject, long subjectId, long customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Surveys.SingleOrDefaultAsync(s => s.Subject == subject && s.SubjectId == subjectId, ct);
        if (existing is { IsAnswered: true })
            return null;
        if (existing is not null)
            return LinkPrefix + existing.Reissue(now, Lifetime);
        var (survey, token) = SatisfactionSurvey.Invite(subject, subjectId, customerId, now, Lifetime);
        db.Surveys.Add(survey);
        return LinkPrefix + token;
    }

    /// <summary>
    /// 重新发送回访链接: staff issue a fresh link for a closed subject (the first was lost or has
    /// expired); the old one stops working. Refused when the customer answered already, or when the
    /// subject has not closed (no survey yet). The caller checks that the user may see the subject.
    /// </summary>
    public async Task<ResentSurveyLink> ResendAsync(SurveySubject subject, long subjectId, CancellationToken ct)
    {
        var survey =
            await db.Surveys.SingleOrDefaultAsync(s => s.Subject == subject && s.SubjectId == subjectId, ct)
            ?? throw new DomainException(
                subject == SurveySubject.Complaint ? "投诉尚未结案，还没有满意度回访" : "工单尚未关闭，还没有满意度回访"
            );
        var link = LinkPrefix + survey.Reissue(clock.GetUtcNow().UtcDateTime, Lifetime);
        await SaveAsync(ct);
        return new ResentSurveyLink(link, survey.ExpiresAtUtc);
    }

    /// <summary>The survey a personal link names, or null when the token is unknown (or replaced by a newer link).</summary>
    public Task<SatisfactionSurvey?> FindByTokenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return Task.FromResult<SatisfactionSurvey?>(null);
        var hash = SatisfactionSurvey.HashOf(token.Trim());
        return db.Surveys.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
    }

    public async Task<SatisfactionSurvey> AnswerByLinkAsync(string token, int rating, string? comment, CancellationToken ct)
    {
        var survey = await FindByTokenAsync(token, ct) ?? throw new NotFoundException();
        survey.Answer(rating, comment, SurveyChannel.Link, "link", clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        return survey;
    }

    /// <summary>A customer user answers in the portal; another customer's survey is not found.</summary>
    public async Task<SatisfactionSurvey> AnswerInPortalAsync(long id, int rating, string? comment, CancellationToken ct)
    {
        if (!me.IsCustomer)
            throw new DomainException("只有用户单位联系人可以评价");
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        survey.Answer(rating, comment, SurveyChannel.Portal, me.DisplayName, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        return survey;
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("该回访已评价，链接只能使用一次");
        }
    }
}

/// <summary>A fresh survey link (relative, <c>/Survey/{token}</c>) and when it stops working.</summary>
public sealed record ResentSurveyLink(string Link, DateTime ExpiresAtUtc);
