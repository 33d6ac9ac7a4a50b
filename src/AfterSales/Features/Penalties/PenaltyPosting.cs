using AfterSales.Features.Documents;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>An assessed loss (损失) to enter on a work order.</summary>
/// <param name="OccurredAtUtc">When the loss happened; now when not given.</param>
public sealed record LossInput(long AmountFen, string Assessment, IReadOnlyList<long> DocumentIds, DateTime? OccurredAtUtc = null);

/// <summary>
/// An accident the accidents feature decided was preventable (DESIGN §2 promise 12): what to charge
/// under which contract. <paramref name="Account"/> says what happened and names the missed round or
/// the open finding that makes it preventable; the losses (0 when none were assessed) are entered
/// beside the charge with the documents that prove them.
/// </summary>
public sealed record AccidentCharge(
    long AccidentId,
    long ContractId,
    DateTime OccurredAtUtc,
    string Account,
    long LossesFen,
    string? LossAssessment,
    IReadOnlyList<EvidenceDocument> Documents
);

/// <summary>
/// The entries people make (DESIGN §5): assessed losses, preventable accidents and waivers. Each
/// checks everything before it writes, writes one entry in one transaction, and is retried whole
/// if another writer took the contract's next position first. Callers decide who may do it
/// (<see cref="Policies.ManagePenalties"/>); the checks here hold for every caller.
/// </summary>
public sealed class PenaltyPosting(AppDbContext db, TimeProvider clock, CurrentUser me)
{
    public const int MaxText = 2000;

    /// <summary>A manager enters the losses a fault on this work order caused, with the documents that prove them.</summary>
    public async Task<PenaltyEntry> RecordLossAsync(long workOrderId, LossInput input, CancellationToken ct)
    {
        if (input.AmountFen <= 0 || input.AmountFen > MoneyInput.MaxFen)
            throw DomainException.For("AmountFen", "损失金额应大于零且不超过{0}", Display.Money(MoneyInput.MaxFen));
        CheckText("Assessment", input.Assessment, "请填写损失评估说明");
        var documentIds = input.DocumentIds.Distinct().ToList();
        if (documentIds.Count == 0)
            throw DomainException.For("DocumentIds", "请选择证明损失的文档");
        return await LedgerRetry.RunAsync(
            db,
            async c =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var w = await WorkOrderAsync(workOrderId, c);
                var at = input.OccurredAtUtc ?? now;
                if (at > now)
                    throw DomainException.For("OccurredAt", "发生时间不能晚于当前时间");
                if (at < w.ReceivedAtUtc)
                    throw DomainException.For("OccurredAt", "发生时间不能早于受理时间 {0}", Display.Instant(w.ReceivedAtUtc, w.TimeZone));
                var contract = await ContractAsync(w.ContractId, c);
                var documents = await EvidenceAsync(w.Id, documentIds, c);
                var draft = new EntryDraft(
                    contract.Id,
                    contract.CustomerId,
                    PenaltyKind.Loss,
                    input.AmountFen,
                    contract.TotalFen,
                    at,
                    WorkOrderId: w.Id,
                    Description: input.Assessment,
                    Documents: documents
                );
                return await AppendAsync(draft, now, c);
            },
            ct
        );
    }

    /// <summary>
    /// An accident that preventive maintenance should have prevented (DESIGN §2 promise 12): the
    /// accident rate × the contract total, under the cap. With a work order, one per work order.
    /// The losses it caused are entered separately with <see cref="RecordLossAsync"/>.
    /// </summary>
    public async Task<PenaltyEntry> RecordAccidentAsync(
        long contractId,
        long? workOrderId,
        DateTime occurredAtUtc,
        string description,
        IReadOnlyList<long>? documentIds,
        CancellationToken ct
    )
    {
        CheckText("Description", description, "请说明事故经过及其应由预防性维护避免的原因");
        return await LedgerRetry.RunAsync(
            db,
            async c =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (occurredAtUtc > now)
                    throw DomainException.For("OccurredAt", "发生时间不能晚于当前时间");
                var contract = await ContractAsync(contractId, c);
                if (workOrderId is { } id)
                {
                    var w = await WorkOrderAsync(id, c);
                    if (w.ContractId != contract.Id)
                        throw DomainException.For("WorkOrderId", "该工单不属于此合同");
                    if (await db.PenaltyEntries.AnyAsync(e => e.WorkOrderId == id && e.Kind == PenaltyKind.PreventableAccident, c))
                        throw new DomainException("该工单已登记可预防事故违约金");
                }
                var documents = workOrderId is { } wo && documentIds is { Count: > 0 } ? await EvidenceAsync(wo, documentIds, c) : [];
                var rate = contract.Terms.AccidentPenaltyBp;
                var draft = new EntryDraft(
                    contract.Id,
                    contract.CustomerId,
                    PenaltyKind.PreventableAccident,
                    PenaltyAmount.Of(contract.TotalFen, rate),
                    contract.TotalFen,
                    occurredAtUtc,
                    WorkOrderId: workOrderId,
                    Period: workOrderId is null ? null : 1,
                    RateBp: rate,
                    Description: description,
                    Documents: documents
                );
                return await AppendAsync(draft, now, c);
            },
            ct
        );
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one ledger transaction, whole again if another writer took a
    /// contract's next position first: a caller that records something together with its entries
    /// (an accident and its charge) commits both or neither.
    /// </summary>
    public Task<T> InLedgerTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        LedgerRetry.RunAsync(db, work, ct);

    /// <summary>
    /// A preventable accident's entries, inside <see cref="InLedgerTransactionAsync{T}"/>: the accident
    /// rate × the contract total (under the cap), and the assessed losses when there are any (outside
    /// the cap), both naming the accident; the evidence documents go with both. An accident is charged
    /// once: the unique (accident, kind) index refuses a second charge even from a racing writer.
    /// </summary>
    public async Task<IReadOnlyList<PenaltyEntry>> AppendAccidentAsync(AccidentCharge charge, CancellationToken ct)
    {
        CheckText("Description", charge.Account, "请说明事故经过及其应由预防性维护避免的原因");
        if (charge.LossesFen < 0 || charge.LossesFen > MoneyInput.MaxFen)
            throw DomainException.For("LossesFen", "损失金额不能为负数且不超过{0}", Display.Money(MoneyInput.MaxFen));
        if (charge.LossesFen > 0 && charge.Documents.Count == 0)
            throw DomainException.For("DocumentIds", "请选择证明损失的文档");
        var now = clock.GetUtcNow().UtcDateTime;
        if (charge.OccurredAtUtc > now)
            throw DomainException.For("OccurredAt", "发生时间不能晚于当前时间");
        if (await db.PenaltyEntries.AnyAsync(e => e.AccidentId == charge.AccidentId, ct))
            throw new DomainException("该事故已登记违约金");
        var contract = await ContractAsync(charge.ContractId, ct);
        var rate = contract.Terms.AccidentPenaltyBp;
        var writer = new LedgerWriter(db);
        await writer.LoadAsync([contract.Id], ct);
        List<PenaltyEntry> entries =
        [
            writer.Append(
                new EntryDraft(
                    contract.Id,
                    contract.CustomerId,
                    PenaltyKind.PreventableAccident,
                    PenaltyAmount.Of(contract.TotalFen, rate),
                    contract.TotalFen,
                    charge.OccurredAtUtc,
                    RateBp: rate,
                    Description: charge.Account,
                    Documents: charge.Documents,
                    AccidentId: charge.AccidentId
                ),
                me.AsActor(),
                now
            ),
        ];
        if (charge.LossesFen > 0)
            entries.Add(
                writer.Append(
                    new EntryDraft(
                        contract.Id,
                        contract.CustomerId,
                        PenaltyKind.Loss,
                        charge.LossesFen,
                        contract.TotalFen,
                        charge.OccurredAtUtc,
                        Description: string.IsNullOrWhiteSpace(charge.LossAssessment) ? charge.Account : charge.LossAssessment,
                        Documents: charge.Documents,
                        AccidentId: charge.AccidentId
                    ),
                    me.AsActor(),
                    now
                )
            );
        await writer.SaveAsync(ct);
        return entries;
    }

    /// <summary>
    /// A manager waives (or corrects) an entry with a counter-entry that cancels it and says why:
    /// the customer denied access, force majeure, a duplicate… The route it came through may name
    /// the contract or work order the entry must belong to.
    /// </summary>
    public async Task<PenaltyEntry> WaiveAsync(long entryId, string reason, long? contractId, long? workOrderId, CancellationToken ct)
    {
        CheckText("Reason", reason, "请填写核销原因");
        return await LedgerRetry.RunAsync(
            db,
            async c =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var original =
                    await db.PenaltyEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, c) ?? throw new NotFoundException();
                if (contractId is { } cid && original.ContractId != cid)
                    throw DomainException.For("ContractId", "该违约金记录不属于此合同");
                if (workOrderId is { } wid && original.WorkOrderId != wid)
                    throw DomainException.For("WorkOrderId", "该违约金记录不属于此工单");
                if (original.Kind.IsCounterEntry())
                    throw new DomainException("核销或更正记录不能再被核销");
                if (await db.PenaltyEntries.AnyAsync(e => e.OriginalEntryId == original.Id, c))
                    throw new DomainException("该记录已核销或更正，不能重复核销");
                if (original.AmountFen == 0)
                    throw new DomainException("该记录金额为零，无需核销");
                var draft = new EntryDraft(
                    original.ContractId,
                    original.CustomerId,
                    PenaltyKind.Waiver,
                    -original.AmountFen,
                    original.BaseFen,
                    now,
                    WorkOrderId: original.WorkOrderId,
                    OriginalEntryId: original.Id,
                    Description: reason
                );
                return await AppendAsync(draft, now, c);
            },
            ct
        );
    }

    async Task<PenaltyEntry> AppendAsync(EntryDraft draft, DateTime now, CancellationToken ct)
    {
        var writer = new LedgerWriter(db);
        await writer.LoadAsync([draft.ContractId], ct);
        var entry = writer.Append(draft, me.AsActor(), now);
        await writer.SaveAsync(ct);
        return entry;
    }

    async Task<WorkOrder> WorkOrderAsync(long id, CancellationToken ct) =>
        await db.WorkOrders.VisibleTo(me).AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException();

    async Task<Contracts.Contract> ContractAsync(long? id, CancellationToken ct)
    {
        if (id is null)
            throw new DomainException("工单未关联合同，不能登记违约金");
        return await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
    }

    /// <summary>Evidence must be documents of this work order or of its visits, as they are now.</summary>
    async Task<List<EvidenceDocument>> EvidenceAsync(long workOrderId, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var visits = db.Visits.Where(v => v.WorkOrderId == workOrderId).Select(v => v.Id);
        var found = await db
            .Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Where(d =>
                (d.OwnerType == DocumentOwner.WorkOrder && d.OwnerId == workOrderId)
                || (d.OwnerType == DocumentOwner.Visit && visits.Contains(d.OwnerId))
            )
            .Select(d => new EvidenceDocument(d.Id, d.FileName, d.Sha256))
            .ToListAsync(ct);
        if (found.Count != ids.Distinct().Count())
            throw DomainException.For("DocumentIds", "证明文档须是本工单或其现场服务的文档");
        return found;
    }

    static void CheckText(string field, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw DomainException.For(field, missing);
        if (text.Trim().Length > MaxText)
            throw DomainException.For(field, "内容不能超过{0}个字符", MaxText);
    }
}
