using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// /api/v1/inspection-rounds and /api/v1/inspection-findings: read with the work-order read scope
/// (customers their own, technicians the rounds assigned to them, anything else 404), written with
/// the work-order write scope.
/// </summary>
public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/inspection-rounds").WithTags("Inspections");
        rounds.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadWorkOrders);
        rounds.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadWorkOrders);
        rounds
            .MapPost(
                "/{id:long}/schedule",
                (long id, ScheduleInput input, RoundDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.ScheduleAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        rounds
            .MapPost(
                "/{id:long}/check-in",
                (long id, RoundCheckInInput input, RoundDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.CheckInAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        rounds.MapPost("/{id:long}/findings", RecordAsync).RequireAuthorization(Policies.HandleWorkOrders);
        rounds
            .MapPost(
                "/{id:long}/signature",
                (long id, RoundSignatureInput input, RoundDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.SignAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);
        rounds
            .MapPost(
                "/{id:long}/complete",
                (long id, CompleteInput input, RoundDesk desk, AppDbContext db, CancellationToken ct) =>
                    Run(input, () => desk.CompleteAsync(id, input, ct), db, ct)
            )
            .RequireAuthorization(Policies.HandleWorkOrders);

        var findings = api.MapGroup("/inspection-findings").WithTags("Inspections");
        findings.MapGet("/{id:long}", GetFindingAsync).RequireAuthorization(Policies.ReadWorkOrders);
        findings.MapPost("/{id:long}/outcome", DecideAsync).RequireAuthorization(Policies.HandleWorkOrders);
        findings.MapPost("/{id:long}/photos", AddPhotoAsync).RequireAuthorization(Policies.HandleWorkOrders).DisableAntiforgery();
        api.MapGet("/checklists", ChecklistAsync).RequireAuthorization(Policies.ReadWorkOrders).WithTags("Inspections");
        return api;
    }

    static async Task<Ok<RoundPage>> ListAsync([AsParameters] RoundListQuery q, AppDbContext db, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await RoundQuery.PageAsync(db, me, q.ToFilter(), ct));

    static async Task<Results<Ok<RoundOutput>, NotFound>> GetAsync(long id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var round = await InspectionVisibility
            .Rounds(db, me)
            .AsNoTracking()
            .Include(r => r.Assets)
            .Include(r => r.Findings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? TypedResults.NotFound() : TypedResults.Ok(await OutputAsync(db, round, ct));
    }

    static async Task<Results<Ok<FindingOutput>, NotFound>> GetFindingAsync(long id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var f = await InspectionVisibility.Findings(db, me).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return f is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(FindingOutput.From(f, [.. (await PhotoIdsAsync(db, [f.Id], ct))[f.Id]]));
    }

    static async Task<Results<Created<FindingOutput>, ValidationProblem>> RecordAsync(
        long id,
        FindingInput input,
        RoundDesk desk,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var f = await desk.RecordAsync(id, input, ct);
        return TypedResults.Created(
            $"/api/v1/inspection-findings/{f.Id}",
            FindingOutput.From(f, [.. (await PhotoIdsAsync(db, [f.Id], ct))[f.Id]])
        );
    }

    static async Task<Results<Ok<FindingOutput>, ValidationProblem>> DecideAsync(
        long id,
        FindingOutcomeInput input,
        RoundDesk desk,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var f = await desk.DecideAsync(id, input, ct);
        return TypedResults.Ok(FindingOutput.From(f, [.. (await PhotoIdsAsync(db, [f.Id], ct))[f.Id]]));
    }

    /// <summary>Multipart like POST /api/v1/documents, with the same antiforgery rule for cookie callers.</summary>
    static async Task<Results<Created<DocumentPhoto>, ValidationProblem, ProblemHttpResult>> AddPhotoAsync(
        long id,
        IFormFile? file,
        HttpContext http,
        IAntiforgery antiforgery,
        RoundDesk desk,
        CancellationToken ct
    )
    {
        if (http.User.Identity?.AuthenticationType != ApiKeyHandler.SchemeName && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Texts.T("请求缺少有效的防伪令牌"));
        if (file is null or { Length: 0 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [Texts.T("请选择文件")] });
        await using var content = file.OpenReadStream();
        var d = await desk.AddPhotoAsync(id, file.FileName, content, ct);
        return TypedResults.Created($"/api/v1/documents/{d.Id}", new DocumentPhoto(d.Id, d.FileName, d.Caption));
    }

    static async Task<Ok<List<ChecklistItemOutput>>> ChecklistAsync(long? productTypeId, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(
            await db
                .ChecklistItems.AsNoTracking()
                .Where(i => i.Active && (productTypeId == null || i.ProductTypeId == productTypeId))
                .OrderBy(i => i.ProductTypeId)
                .ThenBy(i => i.SortOrder)
                .Select(i => new ChecklistItemOutput(i.Id, i.ProductTypeId, i.Text, i.TextEn, i.SortOrder))
                .ToListAsync(ct)
        );

    static async Task<Results<Ok<RoundOutput>, ValidationProblem>> Run<T>(
        T input,
        Func<Task<InspectionRound>> verb,
        AppDbContext db,
        CancellationToken ct
    )
        where T : notnull
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await OutputAsync(db, await verb(), ct));
    }

    static async Task<RoundOutput> OutputAsync(AppDbContext db, InspectionRound r, CancellationToken ct) =>
        RoundOutput.From(r, await PhotoIdsAsync(db, [.. r.Findings.Select(f => f.Id)], ct));

    static async Task<ILookup<long, long>> PhotoIdsAsync(AppDbContext db, IReadOnlyList<long> findingIds, CancellationToken ct) =>
        (
            await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.InspectionFinding && findingIds.Contains(d.OwnerId))
                .OrderBy(d => d.Id)
                .Select(d => new { d.OwnerId, d.Id })
                .ToListAsync(ct)
        ).ToLookup(d => d.OwnerId, d => d.Id);
}

public sealed record DocumentPhoto(long Id, string FileName, string? Caption);

public sealed record ChecklistItemOutput(long Id, long ProductTypeId, string Text, string TextEn, int SortOrder);

public sealed record RoundListQuery(
    RoundStatus? Status,
    Season? Season,
    int? Year,
    long? CustomerId,
    string? TechnicianId,
    string? After,
    int? Limit
)
{
    public RoundFilter ToFilter() => new(Status, Season, Year, CustomerId, TechnicianId, After, Limit ?? 50);
}
