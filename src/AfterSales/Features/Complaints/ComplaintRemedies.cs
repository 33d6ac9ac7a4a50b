using AfterSales.Features.Complaints.Precedents;
using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints;

/// <summary>What the handler proposes; a re-service opens a work order with <see cref="ReServiceDescription"/>.</summary>
public sealed record RemedyInput(RemedyKind Kind, string? Detail, long AmountFen, string? Justification, DateTime OccurredAtUtc);

/// <summary>
/// Proposing a remedy: judged against the case's precedents by <see cref="FairnessRules"/> (margin
/// from <c>Complaints:FairnessMarginPercent</c>, 20 by default); a re-service opens a linked work
/// order through the ordinary work-order intake, so it gets its own clocks and penalties; the work
/// order is written in the complaint's own transaction.
/// </summary>
public sealed class ComplaintRemedies(
    AppDbContext db,
    TimeProvider clock,
    PrecedentSource precedents,
    OpenWorkOrder openWorkOrder,
    IConfiguration config
)
{
    public int MarginPercent => config.GetValue("Complaints:FairnessMarginPercent", FairnessRules.DefaultMarginPercent);

    public async Task<FairnessVerdict> JudgeAsync(Complaint c, RemedyKind kind, long amountFen, CancellationToken ct) =>
        FairnessRules.Judge(
            new RemedyTerms(kind, amountFen),
            PrecedentSource.Comparables(await precedents.ForAsync(db, c, ct)),
            MarginPercent
        );

    public async Task ProposeAsync(Complaint c, RemedyInput input, Actor by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var verdict = await JudgeAsync(c, input.Kind, input.AmountFen, ct);
        // Check everything the entity checks before a work order is opened, so a refusal changes nothing.
        var draft = new RemedyProposal(
            input.Kind,
            input.Detail,
            input.AmountFen,
            input.Kind == RemedyKind.ReService ? 0 : null,
            input.Justification
        );
        c.ProposeRemedy(draft, verdict, input.OccurredAtUtc, now, by);
        if (input.Kind != RemedyKind.ReService)
        {
            await db.SaveComplaintAsync(ct);
            return;
        }
        // The re-service's work order and the complaint commit together: a failure in between (the
        // complaint changed by someone else meanwhile, a crash) leaves neither, never an orphan order.
        var intake = new Intake(
            c.CustomerId,
            null,
            [],
            ChannelOf(c.Channel),
            now,
            null,
            $"投诉 {c.Number} 补救：重新服务。{input.Detail}".Trim(),
            c.ContactName,
            c.ContactPhone,
            false,
            FaultCause.Unknown
        );
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = await openWorkOrder.OpenWithinAsync(intake, by, ct);
        c.LinkReService(opened.Id);
        await db.SaveComplaintAsync(ct);
        await tx.CommitAsync(ct);
    }

    static Channel ChannelOf(ComplaintChannel c) =>
        c switch
        {
            ComplaintChannel.Email => Channel.Email,
            ComplaintChannel.Fax => Channel.Fax,
            ComplaintChannel.Portal => Channel.Portal,
            ComplaintChannel.Api => Channel.Api,
            ComplaintChannel.Phone or ComplaintChannel.Letter or ComplaintChannel.InPerson => Channel.Hotline,
        };

    /// <summary>Loads a complaint for a change, or fails as "not found" for one the caller cannot see.</summary>
    public static async Task<Complaint> TrackedAsync(AppDbContext db, long id, CancellationToken ct) =>
        await db.Complaints.Include(x => x.Clocks).Include(x => x.Events).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
        ?? throw new NotFoundException();
}
