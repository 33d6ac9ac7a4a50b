using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Satisfaction;

/// <summary>A fresh survey link, as the API answers it: the path to send and when it expires.</summary>
public sealed record SurveyLinkOutput(string Link, DateTime ExpiresAt);

/// <summary>
/// POST /api/v1/work-orders/{id}/survey-link and /api/v1/complaints/{id}/survey-link: staff who
/// handle the subject issue a fresh satisfaction-survey link (the old one stops working). A subject
/// the caller may not see is a 404; one answered already, or not closed yet, a 409.
/// </summary>
public static class SurveyLinkApi
{
    public static RouteGroupBuilder MapSurveyLinkApi(this RouteGroupBuilder api)
    {
        api.MapPost("/work-orders/{id:long}/survey-link", WorkOrderAsync)
            .RequireAuthorization(Policies.HandleWorkOrders)
            .WithTags("Satisfaction")
            .WithSummary("Issue a fresh satisfaction-survey link for a closed work order; the previous link stops working")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/complaints/{id:long}/survey-link", ComplaintAsync)
            .RequireAuthorization(Policies.HandleComplaints)
            .WithTags("Satisfaction")
            .WithSummary("Issue a fresh satisfaction-survey link for a closed complaint; the previous link stops working")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    static async Task<Results<Ok<SurveyLinkOutput>, NotFound>> WorkOrderAsync(
        long id,
        AppDbContext db,
        CurrentUser me,
        SatisfactionSurveys surveys,
        CancellationToken ct
    )
    {
        if (!await db.WorkOrders.VisibleTo(me).AnyAsync(w => w.Id == id, ct))
            return TypedResults.NotFound();
        var sent = await surveys.ResendAsync(SurveySubject.WorkOrder, id, ct);
        return TypedResults.Ok(new SurveyLinkOutput(sent.Link, sent.ExpiresAtUtc));
    }

    static async Task<Results<Ok<SurveyLinkOutput>, NotFound>> ComplaintAsync(
        long id,
        AppDbContext db,
        SatisfactionSurveys surveys,
        CancellationToken ct
    )
    {
        // The customer filter hides another customer's complaint from a customer-bound key.
        if (!await db.Complaints.AnyAsync(c => c.Id == id, ct))
            return TypedResults.NotFound();
        var sent = await surveys.ResendAsync(SurveySubject.Complaint, id, ct);
        return TypedResults.Ok(new SurveyLinkOutput(sent.Link, sent.ExpiresAtUtc));
    }
}
