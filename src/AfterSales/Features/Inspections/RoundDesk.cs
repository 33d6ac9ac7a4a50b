using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// The verbs of a round as pages and API call them: loads what the entity needs, checks who may
/// act, lets the entity decide, saves. Dispatchers and managers schedule; the assigned technician
/// works the round (a technician never sees another's round: 404). Completing a round opens a
/// preventive work order for each hazard through the ordinary intake, with the finding's photos.
/// </summary>
public sealed class RoundDesk(
    AppDbContext db,
    TimeProvider clock,
    CurrentUser me,
    AttachDocument attach,
    HazardWorkOrders hazards,
    SignaturePng signatures
)
{
    public const string SignatureCaption = "客户签名";

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    bool MaySupervise => me.IsInRole(Roles.Dispatcher) || me.IsInRole(Roles.Manager) || me.IsInRole(Roles.Admin);

    /// <summary>Who records a proposal acted on or declined: the dispatch desk and managers, never the technician.</summary>
    public static bool MayRecordOutcome(CurrentUser me) =>
        me.IsInRole(Roles.Dispatcher) || me.IsInRole(Roles.Manager) || me.IsInRole(Roles.Admin);

    public async Task<InspectionRound> ScheduleAsync(long roundId, ScheduleInput input, CancellationToken ct)
    {
        var round = await LoadAsync(roundId, ct);
        if (!MaySupervise)
            throw new DomainException("只有调度或主管可以安排巡检");
        var tech =
            await db.Users.Where(u => u.Id == input.TechnicianId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct)
            ?? throw DomainException.For("TechnicianId", "请选择维修工程师");
        var isTechnician = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == tech.Id && r.Name == Roles.Technician
            select ur
        ).AnyAsync(ct);
        if (!isTechnician)
            throw DomainException.For("TechnicianId", "请选择维修工程师");
        round.Schedule(input.On!.Value, tech.Id, tech.DisplayName);
        await SaveAsync(ct);
        return round;
    }

    public async Task<InspectionRound> CheckInAsync(long roundId, RoundCheckInInput input, CancellationToken ct)
    {
        var round = await WorkAsync(roundId, ct);
        var now = Now;
        // A supervisor may record the assigned technician's arrival for them (a phone without signal).
        var who = MaySupervise ? round.TechnicianId ?? "" : me.UserId ?? "";
        round.CheckIn(who, input.OccurredAt?.UtcDateTime ?? now, input.Location, await ChecklistsAsync(round, ct), now);
        await SaveAsync(ct);
        return round;
    }

    /// <summary>Each asset's active checklist items now: what the technician must mark on this visit.</summary>
    async Task<Dictionary<long, IReadOnlyList<long>>> ChecklistsAsync(InspectionRound round, CancellationToken ct)
    {
        var assetIds = round.Assets.Select(a => a.AssetId).ToList();
        var types = await db.Assets.Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.ProductTypeId }).ToListAsync(ct);
        var typeIds = types.Select(t => t.ProductTypeId).Distinct().ToList();
        var items = (
            await db
                .ChecklistItems.Where(i => typeIds.Contains(i.ProductTypeId) && i.Active)
                .Select(i => new { i.Id, i.ProductTypeId })
                .ToListAsync(ct)
        ).ToLookup(i => i.ProductTypeId, i => i.Id);
        return types.ToDictionary(t => t.Id, t => (IReadOnlyList<long>)[.. items[t.ProductTypeId]]);
    }

    public async Task<InspectionFinding> RecordAsync(long roundId, FindingInput input, CancellationToken ct)
    {
        var round = await WorkAsync(roundId, ct);
        var assetType = await db.Assets.Where(a => a.Id == input.AssetId).Select(a => (long?)a.ProductTypeId).SingleOrDefaultAsync(ct);
        var item = await db.ChecklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == input.ChecklistItemId, ct);
        var asset =
            round.Assets.FirstOrDefault(a => a.AssetId == input.AssetId)
            ?? throw DomainException.For("AssetId", "该设备不在本次巡检的范围内（不属于该地点或已过保）");
        // An item of the round's checklist stays markable even if retired since check-in.
        var ofChecklist = item is not null && asset.Checklist.Contains(item.Id);
        if (item is null || (!ofChecklist && (item.ProductTypeId != assetType || !item.Active)))
            throw DomainException.For("ChecklistItemId", "检查项不属于该设备的产品类型");
        var draft = new FindingDraft(input.AssetId!.Value, item.Id, item.Text, input.Result!.Value, input.Notes, input.Proposal);
        var finding = round.Record(draft, Now);
        await SaveAsync(ct);
        return finding;
    }

    public async Task<Document> AddPhotoAsync(long findingId, string fileName, Stream content, CancellationToken ct)
    {
        var finding =
            await db.InspectionFindings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, ct) ?? throw new NotFoundException();
        var round = await WorkAsync(finding.RoundId, ct);
        if (round.Status != RoundStatus.InProgress)
            throw new DomainException("巡检{0}，不能修改检查结果", InspectionTitles.Status(round.Status));
        return await attach.HandleAsync(
            new NewDocument(DocumentOwner.InspectionFinding, finding.Id, DocumentKind.RepairSitePhoto, null, finding.ItemText),
            fileName,
            content,
            ct
        );
    }

    public async Task<InspectionRound> SignAsync(long roundId, RoundSignatureInput input, CancellationToken ct)
    {
        var round = await WorkAsync(roundId, ct);
        round.CheckCanSign(input.SignerName);
        var png = signatures.Decode(input.Png);
        var document = await attach.HandleAsync(
            new NewDocument(DocumentOwner.InspectionRound, round.Id, DocumentKind.Other, null, SignatureCaption),
            "signature.png",
            new MemoryStream(png, writable: false),
            ct
        );
        round.Sign(document.Id, input.SignerName!, Now);
        await SaveAsync(ct);
        return round;
    }

    /// <summary>
    /// 签退: the round is completed first; then each hazard still open gets its preventive work order.
    /// A work order that cannot be opened now does not undo the visit: the background pass opens it
    /// (<see cref="HazardWorkOrders.OpenPendingAsync"/>).
    /// </summary>
    public async Task<InspectionRound> CompleteAsync(long roundId, CompleteInput input, CancellationToken ct)
    {
        var round = await WorkAsync(roundId, ct);
        var now = Now;
        var found = round.Complete(input.OccurredAt?.UtcDateTime ?? now, input.Satisfaction, input.Comment, now);
        await SaveAsync(ct);
        foreach (var hazard in found)
            await hazards.TryOpenAsync(round, hazard, ct);
        return round;
    }

    /// <summary>A proposal acted on (fixed) or declined by the customer; the dispatcher or a manager records it.</summary>
    public async Task<InspectionFinding> DecideAsync(long findingId, FindingOutcomeInput input, CancellationToken ct)
    {
        var finding =
            await InspectionVisibility.Findings(db, me).SingleOrDefaultAsync(f => f.Id == findingId, ct) ?? throw new NotFoundException();
        if (!MayRecordOutcome(me))
            throw new DomainException("只有调度或主管可以记录建议的处理结果");
        var now = Now;
        switch (input.Outcome)
        {
            case FindingOutcome.Fixed:
                if (input.WorkOrderId is { } w && !await db.WorkOrders.AnyAsync(x => x.Id == w && x.CustomerId == finding.CustomerId, ct))
                    throw DomainException.For("WorkOrderId", "工单不存在或不属于该用户单位");
                finding.Resolve(input.At?.UtcDateTime ?? now, input.WorkOrderId, input.Note, me.AsActor(), now);
                break;
            case FindingOutcome.Declined:
                finding.Decline(input.Note, me.AsActor(), now);
                break;
            default:
                throw DomainException.For("Outcome", "请选择已处理或客户拒绝");
        }
        await SaveAsync(ct);
        return finding;
    }

    /// <summary>A round the caller may work on: the assigned technician, or a supervisor; others are not found.</summary>
    async Task<InspectionRound> WorkAsync(long id, CancellationToken ct)
    {
        var round = await LoadAsync(id, ct);
        if (round.TechnicianId != me.UserId && !MaySupervise)
            throw new DomainException("只有被指派的维修工程师、调度或主管可以记录巡检");
        return round;
    }

    async Task<InspectionRound> LoadAsync(long id, CancellationToken ct) =>
        await InspectionVisibility
            .Rounds(db, me)
            .Include(r => r.Assets)
            .Include(r => r.Findings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundException();

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("巡检已被他人更新，请刷新后重试");
        }
    }
}
