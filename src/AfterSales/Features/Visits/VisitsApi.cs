using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Visits;

public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/work-orders/{id:long}/visits", CheckInAsync).RequireAuthorization(Policies.HandleWorkOrders).WithTags("Visits");
        var visits = api.MapGroup("/visits").WithTags("Visits");
        visits.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadWorkOrders);
        visits
            .MapPost(
                "/{id:long}/work",
                (long id, WorkInput input, VisitDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.RecordWorkAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        visits
            .MapPost(
                "/{id:long}/restore",
                (long id, RestoreInput input, VisitDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.RestoreAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        visits
            .MapPost(
                "/{id:long}/signature",
                (long id, SignatureInput input, VisitDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.SignAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        visits
            .MapPost(
                "/{id:long}/checkout",
                (long id, CheckOutInput input, VisitDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.CheckOutAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        return api;
    }

    static async Task<Results<Created<VisitOutput>, ValidationProblem>> CheckInAsync(
        long id,
        CheckInInput input,
        VisitDesk desk,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var visit = await desk.CheckInAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/visits/{visit.Id}", VisitOutput.From(visit, await PhotosAsync(db, visit.Id, ct)));
    }

    static async Task<Results<Ok<VisitOutput>, ValidationProblem>> Run<T>(
        T input,
        Func<Task<Visit>> verb,
        AppDbContext db,
        CancellationToken ct
    )
        where T : notnull
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var visit = await verb();
        return TypedResults.Ok(VisitOutput.From(visit, await PhotosAsync(db, visit.Id, ct)));
    }

    static async Task<Results<Ok<VisitOutput>, NotFound>> GetAsync(long id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var visit = await VisitQueries.VisibleVisits(db, me).AsNoTracking().Include(v => v.Items).SingleOrDefaultAsync(v => v.Id == id, ct);
        return visit is null ? TypedResults.NotFound() : TypedResults.Ok(VisitOutput.From(visit, await PhotosAsync(db, id, ct)));
    }

    static async Task<List<VisitPhotoOutput>> PhotosAsync(AppDbContext db, long visitId, CancellationToken ct) =>
        await db
            .Documents.Where(d => d.OwnerType == DocumentOwner.Visit && d.OwnerId == visitId && d.Kind == DocumentKind.RepairSitePhoto)
            .OrderBy(d => d.Id)
            .Select(d => new VisitPhotoOutput(d.Id, d.Caption, d.FileName))
            .ToListAsync(ct);
}

internal static class VisitQueries
{
    /// <summary>Visits of the work orders the caller may see (customers: their own; technicians: assigned ones).</summary>
    public static IQueryable<Visit> VisibleVisits(AppDbContext db, CurrentUser me) =>
        db.Visits.Where(v => db.WorkOrders.VisibleTo(me).Any(w => w.Id == v.WorkOrderId));
}

public static class VisitsSetup
{
    public static void AddVisits(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<VisitDesk>();
        builder.Services.AddScoped<ServiceReport>();
    }

    /// <summary>The API under /api/v1 and the service report download.</summary>
    public static void MapVisits(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapVisitsApi();
        app.MapGet("/Visits/{id:long}/report.pdf", ServiceReportEndpoint.GetAsync)
            .RequireAuthorization(Policies.ReadWorkOrders)
            .ExcludeFromDescription();
    }
}
