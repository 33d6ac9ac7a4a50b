using System.ComponentModel.DataAnnotations;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Features.Complaints;

/// <summary>感谢、倾听、道歉: what the handler did when taking the complaint, with an optional note.</summary>
public sealed record AcknowledgeInput(
    bool Thanked,
    bool HeardOut,
    bool Apologised,
    [property: StringLength(4000)] string? Note,
    DateTimeOffset? OccurredAt
);

/// <summary>调查记录.</summary>
public sealed record InvestigationNoteInput([property: StringLength(4000)] string? Note, DateTimeOffset? OccurredAt);

/// <summary>升级: to whom (a manager's user name) and why it is beyond the handler's authority.</summary>
public sealed record EscalationInput(
    [property: StringLength(256)] string? EscalatedTo,
    [property: StringLength(2000)] string? EscalationReason,
    DateTimeOffset? OccurredAt
);

/// <summary>答复 to the customer, and through which channel.</summary>
public sealed record ReplyInput(
    [property: StringLength(4000)] string? ReplyText,
    ComplaintChannel ReplyChannel,
    DateTimeOffset? OccurredAt
);

/// <summary>详细说明 of a major complaint, with the committed resolution time and the channel it reached the customer through.</summary>
public sealed record ExplanationInput(
    [property: StringLength(4000)] string? ExplanationText,
    DateTimeOffset? CommittedResolution,
    DateTimeOffset? OccurredAt,
    ComplaintChannel ExplanationChannel = ComplaintChannel.Phone
);

/// <summary>补救措施: kind, detail, amount in fen (gift, compensation), and a justification when it departs from the precedents.</summary>
public sealed record RemedyApiInput(
    RemedyKind Kind,
    [property: StringLength(2000)] string? Detail,
    long AmountFen,
    [property: StringLength(2000)] string? Justification,
    DateTimeOffset? OccurredAt
);

/// <summary>
/// The handling steps of /api/v1/complaints/{id}/… for agents and managers (or a key with the
/// complaints scope), the same steps as the complaint page: each loads the complaint (another
/// customer's is a 404), lets the entity's verb decide (a refusal is a 409 or 422 and changes
/// nothing), saves, and answers with the complaint. When it happened defaults to now. A save that
/// lost a race with another change of the same complaint is a 409; nothing of it is kept.
/// </summary>
public static class ComplaintHandlingApi
{
    public static RouteGroupBuilder MapComplaintHandlingApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/complaints/{id:long}").WithTags("Complaints").RequireAuthorization(Policies.HandleComplaints);
        g.MapPost(
                "/acknowledgement",
                (long id, AcknowledgeInput input, HandlingStep step, CancellationToken ct) =>
                    step.RunAsync(
                        id,
                        input,
                        (c, at, now, by) => c.Acknowledge(input.Thanked, input.HeardOut, input.Apologised, input.Note, at, now, by),
                        input.OccurredAt,
                        ct
                    )
            )
            .WithSummary("Record that the customer was thanked, heard out and apologised to")
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost(
                "/notes",
                (long id, InvestigationNoteInput input, HandlingStep step, CancellationToken ct) =>
                    step.RunAsync(id, input, (c, at, now, by) => c.Investigate(input.Note, at, now, by), input.OccurredAt, ct)
            )
            .WithSummary("Add an investigation note")
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost(
                "/escalation",
                (long id, EscalationInput input, HandlingStep step, ComplaintEscalation escalation, CancellationToken ct) =>
                    step.RunAsync(
                        id,
                        input,
                        (c, at, now, by) => escalation.EscalateAsync(c, input.EscalatedTo, input.EscalationReason, at, now, by, ct),
                        input.OccurredAt,
                        ct,
                        saves: false
                    )
            )
            .WithSummary("Escalate the complaint to a manager, with the reason")
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost(
                "/reply",
                (long id, ReplyInput input, HandlingStep step, CancellationToken ct) =>
                    step.RunAsync(
                        id,
                        input,
                        (c, at, now, by) => c.Reply(input.ReplyText, input.ReplyChannel, at, now, by),
                        input.OccurredAt,
                        ct
                    )
            )
            .WithSummary("Record the reply to the customer (meets the reply clock)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/explanation", ExplainAsync)
            .WithSummary("Record the detailed explanation of a major complaint and the committed resolution time")
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/remedy", RemedyAsync)
            .WithSummary("Propose a remedy; judged against the precedents, a re-service opens a linked work order")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    static Task<Results<Ok<ComplaintOutput>, ValidationProblem>> ExplainAsync(
        long id,
        ExplanationInput input,
        HandlingStep step,
        ReceiveComplaint receive,
        CancellationToken ct
    ) =>
        step.RunAsync(
            id,
            input,
            async (c, at, now, by) =>
            {
                var (_, calendar) = await receive.TermsAsync(c.CustomerId, c.TimeZone, c.WorkOrderId, ct);
                c.Explain(input.ExplanationText, input.ExplanationChannel, input.CommittedResolution?.UtcDateTime, at, now, by, calendar);
            },
            input.OccurredAt,
            ct
        );

    static Task<Results<Ok<ComplaintOutput>, ValidationProblem>> RemedyAsync(
        long id,
        RemedyApiInput input,
        HandlingStep step,
        ComplaintRemedies remedies,
        CancellationToken ct
    ) =>
        step.RunAsync(
            id,
            input,
            (c, at, _, by) =>
                remedies.ProposeAsync(c, new RemedyInput(input.Kind, input.Detail, input.AmountFen, input.Justification, at), by, ct),
            input.OccurredAt,
            ct,
            saves: false
        );

    /// <summary>Load, let the verb decide, save, answer: the page's handling steps, for the API.</summary>
    public sealed class HandlingStep(AppDbContext db, TimeProvider clock, CurrentUser me, ReceiveComplaint receive)
    {
        public Task<Results<Ok<ComplaintOutput>, ValidationProblem>> RunAsync(
            long id,
            object input,
            Action<Complaint, DateTime, DateTime, Actor> verb,
            DateTimeOffset? occurredAt,
            CancellationToken ct
        ) =>
            RunAsync(
                id,
                input,
                (c, at, now, by) =>
                {
                    verb(c, at, now, by);
                    return Task.CompletedTask;
                },
                occurredAt,
                ct
            );

        public async Task<Results<Ok<ComplaintOutput>, ValidationProblem>> RunAsync(
            long id,
            object input,
            Func<Complaint, DateTime, DateTime, Actor, Task> verb,
            DateTimeOffset? occurredAt,
            CancellationToken ct,
            bool saves = true
        )
        {
            var errors = ValidationMessages.Validate(input);
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            var c = await ComplaintRemedies.TrackedAsync(db, id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await verb(c, occurredAt?.UtcDateTime ?? now, now, me.AsActor());
            if (saves)
                await db.SaveComplaintAsync(ct);
            var (_, calendar) = await receive.TermsAsync(c.CustomerId, c.TimeZone, c.WorkOrderId, ct);
            return TypedResults.Ok(ComplaintOutput.From(c, now, calendar));
        }
    }
}
