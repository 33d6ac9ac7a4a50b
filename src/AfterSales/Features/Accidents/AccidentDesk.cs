using AfterSales.Features.Accidents.Rules;
using AfterSales.Features.Assets;
using AfterSales.Features.Documents;
using AfterSales.Features.Inspections;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Accidents;

/// <summary>
/// Records an accident and decides it (<see cref="AccidentRules"/>) from what inspections knew at
/// the accident's instant; a preventable one is charged in the same transaction, so an accident
/// never exists without its entries, nor entries without their accident. The page and the API
/// both come through here; who may do it is theirs to check.
/// </summary>
public sealed class AccidentDesk(AppDbContext db, TimeProvider clock, CurrentUser me, PenaltyPosting posting)
{
    /// <param name="customerId">The customer the caller means (the API's route or body): an asset of another is refused.</param>
    public async Task<Accident> RecordAsync(AccidentInput input, long? customerId, CancellationToken ct)
    {
        Accident.Check(input, clock.GetUtcNow().UtcDateTime);
        return await posting.InLedgerTransactionAsync(
            async c =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var asset =
                    await db
                        .Assets.AsNoTracking()
                        .Include(a => a.Contract)
                            .ThenInclude(k => k!.Customer)
                        .FirstOrDefaultAsync(a => a.Id == input.AssetId, c)
                    ?? throw DomainException.For("AssetId", "设备不存在");
                if (customerId is { } cid && asset.CustomerId != cid)
                    throw DomainException.For("AssetId", "该设备不属于此用户单位");
                if (await db.Accidents.AnyAsync(a => a.AssetId == asset.Id && a.OccurredAtUtc == input.OccurredAtUtc, c))
                    throw new DomainException("该设备在此时间的事故已登记，不能重复登记");
                var documents = await EvidenceAsync(asset.Id, input.DocumentIds, c);
                var decision = await DecideAsync(asset, input.OccurredAtUtc, c);
                var accident = Accident.Record(input, asset.CustomerId, asset.ContractId, asset.SiteId, decision, me.AsActor(), now);
                db.Accidents.Add(accident);
                await db.SaveChangesAsync(c);
                if (decision.Preventable)
                    await posting.AppendAccidentAsync(
                        new AccidentCharge(
                            accident.Id,
                            accident.ContractId,
                            accident.OccurredAtUtc,
                            Account(accident, decision, asset.Contract!.Customer!.TimeZone),
                            accident.LossesFen,
                            accident.LossAssessment,
                            documents
                        ),
                        c
                    );
                return accident;
            },
            ct
        );
    }

    /// <summary>
    /// The facts of the asset's rounds and findings up to the accident. Like
    /// <see cref="AssetInspectionFacts"/>, a finding counts as acted on from its resolution or its
    /// preventive work order's restoration, whichever came first; unlike it, rounds and findings keep
    /// the contract they were under, since only this contract's maintenance is judged.
    /// </summary>
    async Task<AccidentDecision> DecideAsync(Asset asset, DateTime atUtc, CancellationToken ct)
    {
        var rounds = await (
            from ra in db.InspectionRoundAssets.AsNoTracking()
            join r in db.InspectionRounds.IgnoreQueryFilters() on ra.RoundId equals r.Id
            where ra.AssetId == asset.Id && r.SiteId == asset.SiteId && r.DueAtUtc <= atUtc
            select new RoundFact(r.Id, ra.AssetId, ra.ContractId, r.DueAtUtc, r.Status == RoundStatus.Completed, r.CheckOutAtUtc)
        ).ToListAsync(ct);
        var findings = await db
            .InspectionFindings.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(f => f.AssetId == asset.Id && f.Result != FindingResult.Ok && f.RecordedAtUtc <= atUtc)
            .Where(f => f.ResolvedAtUtc == null || f.ResolvedAtUtc > atUtc)
            .ToListAsync(ct);
        var restored = await WorkOrderRestorations.RestoredAtAsync(
            db,
            [.. findings.Where(f => f.WorkOrderId is not null).Select(f => f.WorkOrderId!.Value)],
            ct
        );
        var facts = findings.Select(f => new FindingFact(
            f.Id,
            f.RoundId,
            f.AssetId,
            f.ContractId,
            f.Result == FindingResult.Hazard,
            f.RecordedAtUtc,
            Earliest(f.ResolvedAtUtc, f.WorkOrderId is { } w && restored.TryGetValue(w, out var at) ? at : null)
        ));
        var contract = asset.Contract!;
        var day = DateOnly.FromDateTime(Display.ToLocal(atUtc, contract.Customer!.TimeZone));
        var covered = contract.Coverage.Warranty.IsActiveOn(day) || contract.Coverage.FreeMaintenance.IsActiveOn(day);
        return AccidentRules.Decide(new AccidentCase(asset.Id, asset.ContractId, atUtc, covered), rounds, facts);
    }

    static DateTime? Earliest(DateTime? a, DateTime? b) =>
        a is null ? b
        : b is null ? a
        : a < b ? a
        : b;

    /// <summary>Evidence must be documents of this asset.</summary>
    async Task<List<EvidenceDocument>> EvidenceAsync(long assetId, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var found = await db
            .Documents.AsNoTracking()
            .Where(d => wanted.Contains(d.Id) && d.OwnerType == DocumentOwner.Asset && d.OwnerId == assetId)
            .OrderBy(d => d.Id)
            .Select(d => new EvidenceDocument(d.Id, d.FileName, d.Sha256))
            .ToListAsync(ct);
        if (found.Count != wanted.Count)
            throw DomainException.For("DocumentIds", "证明文档须是该设备的文档");
        return found;
    }

    /// <summary>The ledger's account of the accident: what happened, and the round or finding that makes it preventable.</summary>
    static string Account(Accident a, AccidentDecision d, string timeZone)
    {
        var evidence = d.Reason switch
        {
            AccidentReason.MissedRound => $"巡检 #{d.Round!.RoundId}（窗口截止 {Display.Instant(d.Round.DueAtUtc, timeZone)}）",
            _ =>
                $"检查结果 #{d.Finding!.FindingId}（巡检 #{d.Finding.RoundId}，{Display.Instant(d.Finding.RecordedAtUtc, timeZone)} 发现）",
        };
        var text = $"事故 #{a.Id}：{a.Description}\n{AccidentRules.Title(d.Reason)}：{evidence}";
        return text.Length <= PenaltyPosting.MaxText ? text : text[..PenaltyPosting.MaxText];
    }
}
