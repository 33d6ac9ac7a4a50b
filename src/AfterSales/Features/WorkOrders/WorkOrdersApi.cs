using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders;

public sealed record OpenWorkOrderInput
{
    [Range(1, long.MaxValue), Display(Name = "用户单位")]
    public long CustomerId { get; init; }

    // "assetIds": null means no asset given ("not sure"), as leaving it out does.
    public IReadOnlyList<long> AssetIds
    {
        get;
        init => field = value ?? [];
    } = [];

    [Display(Name = "渠道")]
    public Channel Channel { get; init; } = Channel.Api;

    /// <summary>When the request reached us; defaults to now. A past time needs <see cref="BackdateReason"/>.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    [StringLength(500), Display(Name = "补录原因")]
    public string? BackdateReason { get; init; }

    [Required, StringLength(4000), Display(Name = "问题描述")]
    public string Description { get; init; } = "";

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; init; }

    [StringLength(32), Display(Name = "联系电话")]
    public string? ContactPhone { get; init; }

    public bool IsMajor { get; init; }

    [Display(Name = "故障原因")]
    public FaultCause Cause { get; init; } = FaultCause.Unknown;
}

public static class WorkOrdersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The personal satisfaction link sent back when an event closes the work order.</summary>
    public const string SurveyLinkHeader = "Survey-Link";

    public static RouteGroupBuilder MapWorkOrdersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/work-orders").WithTags("Work orders");
        group.MapPost("", OpenAsync).RequireAuthorization(Policies.HandleWorkOrders);
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadWorkOrders);
        group.MapPost("/{id:long}/events", RecordAsync).RequireAuthorization(Policies.HandleWorkOrders);
        return api;
    }

    static async Task<Results<Created<WorkOrderOutput>, Ok<WorkOrderOutput>, ValidationProblem>> OpenAsync(
        OpenWorkOrderInput input,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        OpenWorkOrder open,
        CurrentUser me,
        TimeProvider clock,
        ServiceCalendarProvider calendars,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (idempotencyKey is { Length: > 100 })
            errors[IdempotencyHeader] = [Texts.T("幂等键不能超过100个字符")];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = new Intake(
            input.CustomerId,
            null,
            input.AssetIds,
            input.Channel,
            input.ReceivedAt?.UtcDateTime ?? now,
            input.BackdateReason,
            input.Description,
            input.ContactName,
            input.ContactPhone,
            input.IsMajor,
            input.Cause
        );
        // Keys are per client, so two clients choosing the same key never collide.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{me.UserId}:{idempotencyKey.Trim()}";
        var (w, replayed) = await open.HandleAsync(intake, me.AsActor(), key, ct);
        var output = WorkOrderOutput.From(w, now, await calendars.ForAsync(w, ct), withEvents: false);
        return replayed ? TypedResults.Ok(output) : TypedResults.Created($"/api/v1/work-orders/{w.Id}", output);
    }

    static async Task<Results<Ok<WorkOrderOutput>, NotFound>> GetAsync(
        long id,
        AppDbContext db,
        CurrentUser me,
        TimeProvider clock,
        ServiceCalendarProvider calendars,
        CancellationToken ct
    )
    {
        var w = await db
            .WorkOrders.VisibleTo(me)
            .AsNoTracking()
            .Include(x => x.Clocks)
            .Include(x => x.Pauses)
            .Include(x => x.Events)
            .Include(x => x.Assets)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        return w is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(WorkOrderOutput.From(w, clock.GetUtcNow().UtcDateTime, await calendars.ForAsync(w, ct), withEvents: true));
    }

    static async Task<Results<Ok<WorkOrderOutput>, ValidationProblem>> RecordAsync(
        long id,
        EventInput input,
        RecordEvent record,
        TimeProvider clock,
        ServiceCalendarProvider calendars,
        HttpResponse response,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var w = await record.HandleAsync(id, input, ct);
        // Closing invites the customer to rate the service; the caller sends the personal link on.
        if (record.SurveyLink is { } link)
            response.Headers[SurveyLinkHeader] = link;
        return TypedResults.Ok(WorkOrderOutput.From(w, clock.GetUtcNow().UtcDateTime, await calendars.ForAsync(w, ct), withEvents: true));
    }
}

public static class WorkOrdersSetup
{
    public static void AddWorkOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceCalendarProvider>();
        builder.Services.AddScoped<OpenWorkOrder>();
        builder.Services.AddSingleton<IntakeLimits>();
        builder.Services.AddScoped<RecordEvent>();
        builder.Services.AddScoped<Holidays.HolidayDesk>();
        Breaches.BreachesSetup.AddBreachDetection(builder);
        Board.Search.SearchIndexSetup.AddBoardSearchIndex(builder);
        builder.Services.AddScoped<Agreements.RepairAgreements>();
    }
}
