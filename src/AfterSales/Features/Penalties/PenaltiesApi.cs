using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

public sealed record WaiverInput
{
    [Required, StringLength(PenaltyPosting.MaxText), Display(Name = "核销原因")]
    public string Reason { get; init; } = "";

    /// <summary>The contract the entry must belong to; a mismatch is refused and nothing is written.</summary>
    public long? ContractId { get; init; }
}

public sealed record LossApiInput
{
    /// <summary>Assessed loss in fen (¥1.00 = 100).</summary>
    [Display(Name = "损失金额")]
    public long AmountFen { get; init; }

    [Required, StringLength(PenaltyPosting.MaxText), Display(Name = "损失评估说明")]
    public string Assessment { get; init; } = "";

    /// <summary>Documents of the work order or of its visits that prove the loss.</summary>
    [Display(Name = "证明文档")]
    public IReadOnlyList<long> DocumentIds
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>When the loss happened; now when not given.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}

/// <summary>/api/v1: the penalty ledger (违约金台账) of a contract, its chain check, losses and waivers.</summary>
internal static class PenaltiesApi
{
    public static void MapPenaltiesApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts/{id:long}/penalties").WithTags("Penalties");
        contracts.MapGet("", StatementAsync).RequireAuthorization(Policies.ReadPenalties);
        contracts.MapGet("/chain", ChainAsync).RequireAuthorization(Policies.ReadPenalties);
        contracts
            .MapPost(
                "/{entryId:long}/waivers",
                (long id, long entryId, WaiverInput input, PenaltyPosting posting, PenaltyLedger ledger, CancellationToken ct) =>
                    WaiveAsync(entryId, input with { ContractId = id }, posting, ledger, ct)
            )
            .RequireAuthorization(Policies.ManagePenalties);
        var penalties = api.MapGroup("/penalties").WithTags("Penalties");
        penalties.MapGet("/{id:long}", EntryAsync).RequireAuthorization(Policies.ReadPenalties);
        penalties.MapPost("/{id:long}/waivers", WaiveAsync).RequireAuthorization(Policies.ManagePenalties);
        var workOrders = api.MapGroup("/work-orders/{id:long}").WithTags("Penalties");
        workOrders.MapGet("/penalties", WorkOrderAsync).RequireAuthorization(Policies.ReadPenalties);
        workOrders.MapPost("/losses", LossAsync).RequireAuthorization(Policies.ManagePenalties);
    }

    static async Task<Results<Ok<PenaltyStatement>, NotFound, ValidationProblem>> StatementAsync(
        long id,
        PenaltyLedger ledger,
        CancellationToken ct,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null
    )
    {
        if (from is { } f && to is { } t && f > t)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [Texts.T("结束时间不能早于开始时间")] });
        return await ledger.StatementAsync(id, from?.UtcDateTime, to?.UtcDateTime, ct) is { } s
            ? TypedResults.Ok(s)
            : TypedResults.NotFound();
    }

    /// <summary>On demand, the whole chain re-hashed from its first entry (statements re-hash what was appended since).</summary>
    static async Task<Results<Ok<ChainCheck>, NotFound>> ChainAsync(
        long id,
        PenaltyLedger ledger,
        ChainVerifier chain,
        CancellationToken ct
    ) => await ledger.HeaderAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await chain.VerifyAllAsync(id, ct));

    static async Task<Results<Ok<PenaltyLine>, NotFound>> EntryAsync(long id, PenaltyLedger ledger, CancellationToken ct) =>
        await ledger.EntryAsync(id, ct) is { } line ? TypedResults.Ok(line) : TypedResults.NotFound();

    static async Task<Results<Ok<List<PenaltyLine>>, NotFound>> WorkOrderAsync(
        long id,
        AppDbContext db,
        CurrentUser me,
        PenaltyLedger ledger,
        CancellationToken ct
    ) =>
        await db.WorkOrders.VisibleTo(me).AnyAsync(w => w.Id == id, ct)
            ? TypedResults.Ok(await ledger.ForWorkOrderAsync(id, ct))
            : TypedResults.NotFound();

    static async Task<Results<Created<PenaltyLine>, ValidationProblem>> WaiveAsync(
        long id,
        WaiverInput input,
        PenaltyPosting posting,
        PenaltyLedger ledger,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var waiver = await posting.WaiveAsync(id, input.Reason, input.ContractId, null, ct);
        return TypedResults.Created($"/api/v1/penalties/{waiver.Id}", (await ledger.EntryAsync(waiver.Id, ct))!);
    }

    static async Task<Results<Created<PenaltyLine>, ValidationProblem>> LossAsync(
        long id,
        LossApiInput input,
        PenaltyPosting posting,
        PenaltyLedger ledger,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var loss = await posting.RecordLossAsync(
            id,
            new LossInput(input.AmountFen, input.Assessment, input.DocumentIds, input.OccurredAt?.UtcDateTime),
            ct
        );
        return TypedResults.Created($"/api/v1/penalties/{loss.Id}", (await ledger.EntryAsync(loss.Id, ct))!);
    }
}
