using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Accidents.Rules;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Accidents;

public sealed record AccidentApiInput
{
    /// <summary>The customer the asset must belong to; an asset of another is refused and nothing is written.</summary>
    public long? CustomerId { get; init; }

    [Display(Name = "设备")]
    public long AssetId { get; init; }

    /// <summary>When the accident happened; not in the future.</summary>
    [Required, Display(Name = "事故时间")]
    public DateTimeOffset? OccurredAt { get; init; }

    [Required, StringLength(Accident.MaxText), Display(Name = "事故经过")]
    public string Description { get; init; } = "";

    /// <summary>Assessed losses in fen (¥1.00 = 100); 0 when none.</summary>
    [Display(Name = "损失金额")]
    public long LossesFen { get; init; }

    [StringLength(Accident.MaxText), Display(Name = "损失评估说明")]
    public string? LossAssessment { get; init; }

    /// <summary>Documents of the asset that prove the losses (required when there are losses).</summary>
    [Display(Name = "证明文档")]
    public IReadOnlyList<long> DocumentIds
    {
        get;
        init => field = value ?? [];
    } = [];
}

/// <param name="Reason">Why it was, or was not, preventable; <paramref name="ReasonText"/> says it in words.</param>
/// <param name="RoundId">The asset's last round due before the accident (the missed one when that decided it).</param>
/// <param name="FindingId">The open finding that decided it (or the first one open).</param>
/// <param name="PenaltyEntryIds">The ledger entries it was charged with: the accident, then its losses.</param>
public sealed record AccidentOutput(
    long Id,
    long CustomerId,
    long ContractId,
    string ContractNumber,
    long AssetId,
    long SiteId,
    DateTime OccurredAtUtc,
    string Description,
    long LossesFen,
    string? LossAssessment,
    IReadOnlyList<long> DocumentIds,
    bool Preventable,
    AccidentReason Reason,
    string ReasonText,
    long? RoundId,
    long? FindingId,
    IReadOnlyList<long> OpenFindingIds,
    IReadOnlyList<long> PenaltyEntryIds,
    DateTime RecordedAtUtc,
    string RecordedBy
);

public sealed record AccidentList(IReadOnlyList<AccidentOutput> Items, int Total, int Page, int PageSize);

/// <summary>/api/v1/accidents: accidents with their decision; a customer sees only its own (another's is a 404).</summary>
internal static class AccidentsApi
{
    public static void MapAccidentsApi(this RouteGroupBuilder api)
    {
        var accidents = api.MapGroup("/accidents").WithTags("Accidents");
        accidents.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadMasterData);
        accidents.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.ReadMasterData);
        accidents.MapPost("/", CreateAsync).RequireAuthorization(Policies.EditMasterData);
    }

    static async Task<Ok<AccidentList>> ListAsync(
        AppDbContext db,
        CancellationToken ct,
        long? customerId = null,
        long? contractId = null,
        long? assetId = null,
        bool? preventable = null,
        int page = 1,
        int pageSize = 50
    )
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, 100));
        var query = db.Accidents.AsNoTracking();
        if (customerId is { } cu)
            query = query.Where(a => a.CustomerId == cu);
        if (contractId is { } co)
            query = query.Where(a => a.ContractId == co);
        if (assetId is { } asset)
            query = query.Where(a => a.AssetId == asset);
        if (preventable is { } p)
            query = query.Where(a => a.Preventable == p);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.OccurredAtUtc)
            .ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        return TypedResults.Ok(new AccidentList(await OutputsAsync(db, rows, ct), total, page, pageSize));
    }

    static async Task<Results<Ok<AccidentOutput>, NotFound>> GetAsync(long id, AppDbContext db, CancellationToken ct) =>
        await db.Accidents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? TypedResults.Ok((await OutputsAsync(db, [a], ct))[0])
            : TypedResults.NotFound();

    static async Task<Results<Created<AccidentOutput>, ValidationProblem>> CreateAsync(
        AccidentApiInput input,
        AccidentDesk desk,
        AppDbContext db,
        CancellationToken ct
    )
    {
        var errors = ValidationMessages.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var accident = await desk.RecordAsync(
            new AccidentInput(
                input.AssetId,
                input.OccurredAt!.Value.UtcDateTime,
                input.Description,
                input.LossesFen,
                input.LossAssessment,
                input.DocumentIds
            ),
            input.CustomerId,
            ct
        );
        var saved = await db.Accidents.AsNoTracking().FirstAsync(a => a.Id == accident.Id, ct);
        return TypedResults.Created($"/api/v1/accidents/{accident.Id}", (await OutputsAsync(db, [saved], ct))[0]);
    }

    static async Task<List<AccidentOutput>> OutputsAsync(AppDbContext db, List<Accident> rows, CancellationToken ct)
    {
        var ids = rows.Select(a => a.Id).ToList();
        var contractIds = rows.Select(a => a.ContractId).Distinct().ToList();
        var numbers = await db
            .Contracts.AsNoTracking()
            .Where(c => contractIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var entries = (
            await db
                .PenaltyEntries.AsNoTracking()
                .Where(e => e.AccidentId != null && ids.Contains(e.AccidentId.Value))
                .OrderBy(e => e.Sequence)
                .Select(e => new { AccidentId = e.AccidentId!.Value, e.Id })
                .ToListAsync(ct)
        ).ToLookup(e => e.AccidentId, e => e.Id);
        return
        [
            .. rows.Select(a => new AccidentOutput(
                a.Id,
                a.CustomerId,
                a.ContractId,
                numbers.GetValueOrDefault(a.ContractId) ?? "",
                a.AssetId,
                a.SiteId,
                a.OccurredAtUtc,
                a.Description,
                a.LossesFen,
                a.LossAssessment,
                a.DocumentIdList,
                a.Preventable,
                a.Reason,
                Texts.T(AccidentRules.Title(a.Reason)),
                a.RoundId,
                a.FindingId,
                a.OpenFindingIdList,
                [.. entries[a.Id]],
                a.RecordedAtUtc,
                a.RecordedByName
            )),
        ];
    }
}
