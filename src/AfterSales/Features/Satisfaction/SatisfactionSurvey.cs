using System.Security.Cryptography;
using System.Text;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Satisfaction;

/// <summary>What a survey asks about: a closed work order or a closed complaint.</summary>
public enum SurveySubject
{
    WorkOrder,
    Complaint,
}

public enum SurveyChannel
{
    Link,
    Portal,
}

/// <summary>
/// 满意度回访: after a work order or complaint closes, its customer is asked for a rating (1–5) and
/// a comment, in the portal or through a personal link that needs no login. The link carries a
/// random token of which only a SHA-256 hash is stored; it works once and until it expires.
/// </summary>
public sealed class SatisfactionSurvey : IAudited, ICustomerOwned
{
    public long Id { get; private set; }
    public SurveySubject Subject { get; private set; }
    public long SubjectId { get; private set; }
    public long CustomerId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime InvitedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public int? Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public SurveyChannel? AnsweredVia { get; private set; }
    public string? AnsweredBy { get; private set; }

    /// <summary>Optimistic concurrency: of two answers sent at once, one is recorded and the other refused.</summary>
    public long Version { get; private set; }

    SatisfactionSurvey() { }

    public bool IsAnswered => AnsweredAtUtc is not null;

    public bool IsExpired(DateTime nowUtc) => nowUtc > ExpiresAtUtc;

    public static (SatisfactionSurvey Survey, string Token) Invite(
        SurveySubject subject,
        long subjectId,
        long customerId,
        DateTime nowUtc,
        TimeSpan lifetime
    )
    {
        var survey = new SatisfactionSurvey
        {
            Subject = subject,
            SubjectId = subjectId,
            CustomerId = customerId,
        };
        return (survey, survey.Reissue(nowUtc, lifetime));
    }

    /// <summary>A new link (after the subject closed again, or the first one was lost): the old one stops working.</summary>
    public string Reissue(DateTime nowUtc, TimeSpan lifetime)
    {
        if (IsAnswered)
            throw new DomainException("该回访已评价，无需再次邀请");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (TokenHash, InvitedAtUtc, ExpiresAtUtc) = (HashOf(token), nowUtc, nowUtc + lifetime);
        Version++;
        return token;
    }

    public void Answer(int rating, string? comment, SurveyChannel via, string by, DateTime nowUtc)
    {
        if (IsAnswered)
            throw new DomainException("该回访已评价，链接只能使用一次");
        if (IsExpired(nowUtc))
            throw new DomainException("该回访链接已过期");
        if (rating is < 1 or > 5)
            throw DomainException.For("Rating", "请选择 1 到 5 分");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > 1000 })
            throw DomainException.For("Comment", "评价内容不能超过 {0} 个字符", 1000);
        (Rating, Comment, AnsweredAtUtc, AnsweredVia, AnsweredBy) = (rating, text, nowUtc, via, by);
        Version++;
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
