using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>An event from the phone system (CTI).</summary>
public sealed record CallEventInput
{
    /// <summary>The phone system's id of this event: a resent event with the same id is ignored.</summary>
    [Required, StringLength(100), Display(Name = "事件编号")]
    public string EventId { get; init; } = "";

    /// <summary>The phone system's id of the call the event belongs to.</summary>
    [Required, StringLength(100), Display(Name = "通话编号")]
    public string CallId { get; init; } = "";

    /// <summary>ringing, answered or ended.</summary>
    [Required, Display(Name = "事件类型")]
    public CallEventType? Type { get; init; }

    [Required, Display(Name = "事件时间")]
    public DateTimeOffset? At { get; init; }

    [StringLength(32), Display(Name = "来电号码")]
    public string? CallerNumber { get; init; }

    /// <summary>The agent's extension or user name.</summary>
    [StringLength(64), Display(Name = "坐席")]
    public string? Agent { get; init; }
}

public sealed record CallEventOutput(long CallId, bool Duplicate);

/// <summary>A call logged by hand.</summary>
public sealed record ManualCallInput
{
    [StringLength(32), Display(Name = "来电号码")]
    public string? CallerNumber { get; init; }

    public long? CustomerId { get; init; }

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; init; }

    [Required, Display(Name = "来电时间")]
    public DateTimeOffset? RingingAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    [StringLength(1000), Display(Name = "备注")]
    public string? Note { get; init; }
}

public sealed record CallOutput(
    long Id,
    string? ExternalId,
    CallSource Source,
    CallOutcome Outcome,
    string? CallerNumber,
    long? CustomerId,
    string? ContactName,
    string? Agent,
    DateTime? RingingAt,
    DateTime? AnsweredAt,
    DateTime? EndedAt,
    int? Rings,
    bool? MetPromise,
    DateOnly? Day,
    long? WorkOrderId
)
{
    public static CallOutput From(CallRecord c) =>
        new(
            c.Id,
            c.ExternalId,
            c.Source,
            c.Outcome,
            c.CallerNumber,
            c.CustomerId,
            c.ContactName,
            c.Agent,
            c.RingingAtUtc,
            c.AnsweredAtUtc,
            c.EndedAtUtc,
            c.Rings,
            c.MetPromise,
            c.Day,
            c.WorkOrderId
        );
}

public static class HotlineApi
{
    public static RouteGroupBuilder MapHotlineApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calls").WithTags("Hotline");
        group.MapPost("/events", EventAsync).RequireAuthorization(Policies.LogCalls);
        group.MapPost("", LogAsync).RequireAuthorization(Policies.LogCalls);
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadCalls);
        group.MapGet("/report", ReportAsync).RequireAuthorization(Policies.CallReport);
        return api;
    }

    static async Task<Results<Created<CallEventOutput>, Ok<CallEventOutput>, ValidationProblem>> EventAsync(
        CallEventInput input,
        CtiIntake intake,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var e = new CtiEvent(
            input.EventId.Trim(),
            input.CallId.Trim(),
            input.Type!.Value,
            input.At!.Value.UtcDateTime,
            PhoneNumber.Normalize(input.CallerNumber),
            input.Agent
        );
        var (callId, duplicate) = await intake.HandleAsync(e, ct);
        var output = new CallEventOutput(callId, duplicate);
        return duplicate ? TypedResults.Ok(output) : TypedResults.Created($"/api/v1/calls/{callId}", output);
    }

    static async Task<Results<Created<CallOutput>, ValidationProblem>> LogAsync(ManualCallInput input, CallDesk calls, CancellationToken ct)
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var call = await calls.LogAsync(
            new ManualCall(
                input.CallerNumber,
                input.CustomerId,
                input.ContactName,
                null,
                input.RingingAt!.Value.UtcDateTime,
                input.AnsweredAt?.UtcDateTime,
                input.EndedAt?.UtcDateTime,
                input.Note
            ),
            ct
        );
        return TypedResults.Created($"/api/v1/calls/{call.Id}", CallOutput.From(call));
    }

    static async Task<Results<Ok<CallOutput>, NotFound>> GetAsync(long id, AppDbContext db, CancellationToken ct) =>
        await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(CallOutput.From(c))
            : TypedResults.NotFound();

    static async Task<Ok<CallReportOutput>> ReportAsync(
        DateOnly? from,
        DateOnly? to,
        AppDbContext db,
        TimeProvider clock,
        CallSettings settings,
        CancellationToken ct
    )
    {
        var (f, t) = ReportRange.Resolve(from, to, clock, settings);
        return TypedResults.Ok(await CallReport.RunAsync(db, f, t, ct));
    }
}

/// <summary>The report's days: the last 30 days up to today unless given; a reversed range is refused.</summary>
public static class ReportRange
{
    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, TimeProvider clock, CallSettings settings)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, settings.Zone));
        var t = to ?? today;
        var f = from ?? t.AddDays(-29);
        if (f > t)
            throw DomainException.For("From", "开始日期不能晚于结束日期");
        return (f, t);
    }
}
