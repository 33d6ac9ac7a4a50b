using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Complaints.Clocks;
using AfterSales.Features.Complaints.Precedents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints;

public sealed record ReceiveComplaintInput
{
    [Range(1, long.MaxValue), Display(Name = "用户单位")]
    public long CustomerId { get; init; }

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; init; }

    [StringLength(32), Display(Name = "联系电话")]
    public string? ContactPhone { get; init; }

    public ComplaintChannel Channel { get; init; } = ComplaintChannel.Api;

    public ComplaintCategory Category { get; init; } = ComplaintCategory.Other;

    public long? WorkOrderId { get; init; }

    [StringLength(100), Display(Name = "被投诉人员")]
    public string? StaffMember { get; init; }

    [Required, StringLength(4000), Display(Name = "投诉内容")]
    public string Description { get; init; } = "";

    [StringLength(2000), Display(Name = "客户诉求")]
    public string? Wish { get; init; }

    /// <summary>When the complaint reached us; defaults to now. A past time needs <see cref="BackdateReason"/>.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    [StringLength(500), Display(Name = "补录原因")]
    public string? BackdateReason { get; init; }

    public bool IsMajor { get; init; }

    /// <summary>The hotline call it was taken from, if any.</summary>
    public long? CallId { get; init; }
}

public static class ComplaintsApi
{
    public static RouteGroupBuilder MapComplaintsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaints");
        group.MapPost("", ReceiveAsync).RequireAuthorization(Policies.HandleComplaints);
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadComplaints);
        group.MapGet("/{id:long}/precedents", PrecedentsAsync).RequireAuthorization(Policies.HandleComplaints);
        return api;
    }

    static async Task<Results<Created<ComplaintOutput>, Ok<ComplaintOutput>, ValidationProblem>> ReceiveAsync(
        ReceiveComplaintInput input,
        [FromHeader(Name = WorkOrdersApi.IdempotencyHeader)] string? idempotencyKey,
        ReceiveComplaint receive,
        CurrentUser me,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (idempotencyKey is { Length: > 100 })
            errors[WorkOrdersApi.IdempotencyHeader] = [Texts.T("幂等键不能超过100个字符")];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = new ComplaintIntake(
            input.CustomerId,
            input.ContactName,
            input.ContactPhone,
            input.Channel,
            input.Category,
            input.WorkOrderId,
            input.StaffMember,
            input.Description,
            input.Wish,
            input.ReceivedAt?.UtcDateTime ?? now,
            input.BackdateReason,
            input.IsMajor,
            input.CallId
        );
        // Keys are per client, so two clients choosing the same key never collide.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{me.UserId}:{idempotencyKey.Trim()}";
        var (c, replayed) = await receive.HandleAsync(intake, me.AsActor(), key, ct);
        var (_, calendar) = await receive.TermsAsync(c.CustomerId, c.TimeZone, c.WorkOrderId, ct);
        var output = ComplaintOutput.From(c, now, calendar);
        return replayed ? TypedResults.Ok(output) : TypedResults.Created($"/api/v1/complaints/{c.Id}", output);
    }

    static async Task<Results<Ok<ComplaintOutput>, NotFound>> GetAsync(
        long id,
        AppDbContext db,
        ReceiveComplaint receive,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var c = await db.Complaints.AsNoTracking().Include(x => x.Clocks).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return TypedResults.NotFound();
        var (_, calendar) = await receive.TermsAsync(c.CustomerId, c.TimeZone, c.WorkOrderId, ct);
        return TypedResults.Ok(ComplaintOutput.From(c, clock.GetUtcNow().UtcDateTime, calendar));
    }

    static async Task<Results<Ok<IReadOnlyList<PrecedentMatch>>, NotFound>> PrecedentsAsync(
        long id,
        AppDbContext db,
        PrecedentSource precedents,
        CancellationToken ct
    )
    {
        var c = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(await precedents.ForAsync(db, c, ct));
    }
}

public static class ComplaintsSetup
{
    public static void AddComplaints(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReceiveComplaint>();
        builder.Services.AddScoped<ComplaintRemedies>();
        builder.Services.AddScoped<CloseComplaint>();
        builder.Services.AddScoped<ComplaintEscalation>();
        builder.Services.AddScoped<ComplaintHandlingApi.HandlingStep>();
        builder.Services.AddSingleton<PrecedentSource>();
        builder.Services.AddScoped<ComplaintBreachDetection>();
        var scan = builder.Configuration.GetValue<bool?>("WorkOrders:BreachScan") ?? !builder.Environment.IsEnvironment("Testing");
        if (scan)
            builder.Services.AddHostedService<ComplaintBreachScanner>();
    }
}
