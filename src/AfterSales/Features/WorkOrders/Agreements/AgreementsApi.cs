using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Features.WorkOrders.Agreements;

public sealed record QuoteLineInput
{
    [Required, StringLength(500), Display(Name = "项目")]
    public string Description { get; init; } = "";

    [Display(Name = "数量")]
    public int Quantity { get; init; }

    /// <summary>Unit price in fen (¥1.00 = 100).</summary>
    [Display(Name = "单价")]
    public long UnitPriceFen { get; init; }
}

public sealed record AgreementInput
{
    [Required, Display(Name = "报价明细")]
    public IReadOnlyList<QuoteLineInput> Lines { get; init; } = [];

    [Required, Display(Name = "约定完成时间")]
    public DateTimeOffset? AgreedCompletion { get; init; }
}

public sealed record AnswerInput
{
    /// <summary>The customer's contact who accepted or declined.</summary>
    [StringLength(100), Display(Name = "确认人")]
    public string? Name { get; init; }

    /// <summary>Staff only: when the customer accepted (by phone…); defaults to now.</summary>
    public DateTimeOffset? At { get; init; }

    [StringLength(1000), Display(Name = "拒绝原因")]
    public string? Reason { get; init; }
}

public sealed record QuoteLineOutput(int Position, string Description, int Quantity, long UnitPriceFen, long AmountFen);

public sealed record AgreementOutput(
    long Id,
    long WorkOrderId,
    AgreementStatus Status,
    IReadOnlyList<QuoteLineOutput> Lines,
    long TotalFen,
    DateTime AgreedCompletion,
    DateTime? AcceptedAt,
    string? AcceptedByName,
    DateTime? DeclinedAt,
    string? DeclineReason
)
{
    public static AgreementOutput From(RepairAgreement a) =>
        new(
            a.Id,
            a.WorkOrderId,
            a.Status,
            [
                .. a
                    .Lines.OrderBy(l => l.Position)
                    .Select(l => new QuoteLineOutput(l.Position, l.Description, l.Quantity, l.UnitPriceFen, l.AmountFen)),
            ],
            a.TotalFen,
            a.AgreedCompletionUtc,
            a.AcceptedAtUtc,
            a.AcceptedByName,
            a.DeclinedAtUtc,
            a.DeclineReason
        );
}

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/work-orders/{id:long}/agreement").WithTags("Work orders");
        group.MapGet("", GetAsync).RequireAuthorization(Policies.ReadWorkOrders);
        group.MapPut("", PutAsync).RequireAuthorization(Policies.HandleWorkOrders);
        // Customer users answer their own agreements; the handler lets staff in only with HandleWorkOrders.
        group.MapPost("/accept", AcceptAsync).RequireAuthorization(Policies.ReadWorkOrders);
        group.MapPost("/decline", DeclineAsync).RequireAuthorization(Policies.ReadWorkOrders);
        return api;
    }

    static async Task<Results<Ok<AgreementOutput>, NotFound>> GetAsync(long id, RepairAgreements agreements, CancellationToken ct) =>
        (await agreements.FindAsync(id, ct)).Agreement is { } a ? TypedResults.Ok(AgreementOutput.From(a)) : TypedResults.NotFound();

    static async Task<Results<Ok<AgreementOutput>, ForbidHttpResult, ValidationProblem>> PutAsync(
        long id,
        AgreementInput input,
        RepairAgreements agreements,
        IAuthorizationService auth,
        ClaimsPrincipal user,
        CurrentUser me,
        CancellationToken ct
    )
    {
        if (!await RepairAgreements.MayQuoteAsync(auth, user, me))
            return TypedResults.Forbid();
        // Each quote line is validated too ("lines[0].description"), and a null line is refused.
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var lines = input.Lines.Select(l => new QuoteLine(l.Description, l.Quantity, l.UnitPriceFen)).ToList();
        var a = await agreements.SaveDraftAsync(id, lines, input.AgreedCompletion!.Value.UtcDateTime, ct);
        return TypedResults.Ok(AgreementOutput.From(a));
    }

    static async Task<Results<Ok<AgreementOutput>, ForbidHttpResult, ValidationProblem>> AcceptAsync(
        long id,
        AnswerInput input,
        RepairAgreements agreements,
        IAuthorizationService auth,
        ClaimsPrincipal user,
        CurrentUser me,
        CancellationToken ct
    )
    {
        if (!await RepairAgreements.MayAnswerAsync(auth, user, me))
            return TypedResults.Forbid();
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(AgreementOutput.From(await agreements.AcceptAsync(id, input.Name, input.At?.UtcDateTime, ct)));
    }

    static async Task<Results<Ok<AgreementOutput>, ForbidHttpResult, ValidationProblem>> DeclineAsync(
        long id,
        AnswerInput input,
        RepairAgreements agreements,
        IAuthorizationService auth,
        ClaimsPrincipal user,
        CurrentUser me,
        CancellationToken ct
    )
    {
        if (!await RepairAgreements.MayAnswerAsync(auth, user, me))
            return TypedResults.Forbid();
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(AgreementOutput.From(await agreements.DeclineAsync(id, input.Name, input.Reason, ct)));
    }
}
