using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 巡检/回访: the summer or winter return visit to one site of a customer, covering the site's
/// assets still in warranty or free maintenance when it was planned. Due within its window; a
/// round whose window ends undone is missed, and that stays on record (DESIGN §2, promises 4, 12).
/// </summary>
public sealed class InspectionRound : IAudited, ICustomerOwned
{
    public const int MaxComment = 1000;

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long SiteId { get; private set; }
    public Season Season { get; private set; }

    /// <summary>The year the window starts in: winter 2026 runs from December 2026 into 2027.</summary>
    public int SeasonYear { get; private set; }

    /// <summary>First and last day of the window, in the customer's calendar.</summary>
    public DateOnly WindowFrom { get; private set; }
    public DateOnly WindowUntil { get; private set; }

    /// <summary>The instant the window closes (the customer's midnight after its last day): done by then, or missed.</summary>
    public DateTime DueAtUtc { get; private set; }
    public RoundStatus Status { get; private set; }
    public DateOnly? ScheduledOn { get; private set; }
    public string? TechnicianId { get; private set; }
    public string? TechnicianName { get; private set; }
    public DateTime? CheckInAtUtc { get; private set; }
    public string? CheckInLocation { get; private set; }
    public DateTime? CheckOutAtUtc { get; private set; }

    /// <summary>Set by missed detection, the first pass after the window closed.</summary>
    public DateTime? MissedAtUtc { get; private set; }

    /// <summary>The customer's signature, a PNG document owned by this round.</summary>
    public long? SignatureDocumentId { get; private set; }
    public string? SignerName { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }

    /// <summary>回访满意度, 1 to 5.</summary>
    public int? Satisfaction { get; private set; }
    public string? SatisfactionComment { get; private set; }
    public DateTime PlannedAtUtc { get; private set; }

    /// <summary>Bumped on every change; two people working one round cannot overwrite each other.</summary>
    public long Version { get; private set; }
    public List<InspectionRoundAsset> Assets { get; private set; } = [];
    public List<InspectionFinding> Findings { get; private set; } = [];

    InspectionRound() { }

    /// <summary>A new planned round; <see cref="Rules.RoundPlanner"/> decided the window and the assets.</summary>
    public static InspectionRound Plan(
        long customerId,
        long siteId,
        Season season,
        int seasonYear,
        DateOnly from,
        DateOnly until,
        DateTime dueAtUtc,
        IEnumerable<(long AssetId, long ContractId)> assets,
        DateTime nowUtc
    ) =>
        new()
        {
            CustomerId = customerId,
            SiteId = siteId,
            Season = season,
            SeasonYear = seasonYear,
            WindowFrom = from,
            WindowUntil = until,
            DueAtUtc = dueAtUtc,
            Status = RoundStatus.Planned,
            PlannedAtUtc = nowUtc,
            Assets = [.. assets.Select(a => new InspectionRoundAsset(a.AssetId, a.ContractId))],
        };

    public bool IsClosed => Status is RoundStatus.Completed or RoundStatus.Missed;

    /// <summary>
    /// The instant the window opens (the customer's midnight starting its first day): whole days
    /// before <see cref="DueAtUtc"/>, exact in zones without daylight saving such as China's.
    /// </summary>
    public DateTime OpensAtUtc => DueAtUtc.AddDays(-(WindowUntil.DayNumber - WindowFrom.DayNumber + 1));

    /// <summary>排期: the day and the technician; may be changed until the technician checks in.</summary>
    public void Schedule(DateOnly on, string technicianId, string technicianName)
    {
        if (Status is not (RoundStatus.Planned or RoundStatus.Scheduled))
            throw new DomainException("巡检已{0}，不能再排期", InspectionTitles.Status(Status));
        if (on < WindowFrom || on > WindowUntil)
            throw DomainException.For("ScheduledOn", "排期日期应在巡检窗口内（{0} 至 {1}）", WindowFrom, WindowUntil);
        if (string.IsNullOrWhiteSpace(technicianId))
            throw DomainException.For("TechnicianId", "请选择维修工程师");
        (ScheduledOn, TechnicianId, TechnicianName, Status) = (on, technicianId, technicianName, RoundStatus.Scheduled);
        Version++;
    }

    /// <summary>
    /// Arrival at the site by the assigned technician, in the window. <paramref name="checklists"/>
    /// holds each asset's checklist as it stands now (the active items of its product type): the
    /// round keeps it, so every one of those items must be marked before check-out even if an admin
    /// edits the checklist meanwhile.
    /// </summary>
    public void CheckIn(
        string technicianId,
        DateTime occurredAtUtc,
        string? location,
        IReadOnlyDictionary<long, IReadOnlyList<long>> checklists,
        DateTime nowUtc
    )
    {
        if (Status != RoundStatus.Scheduled)
            throw new DomainException("巡检{0}，不能签到", InspectionTitles.Status(Status));
        if (technicianId != TechnicianId)
            throw new DomainException("只有被指派的维修工程师可以签到");
        if (occurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "签到时间不能晚于当前时间");
        RequireWindowOpen(nowUtc, "巡检窗口已结束，不能签到");
        if (occurredAtUtc >= DueAtUtc)
            throw DomainException.For("OccurredAt", "巡检窗口已结束，不能签到");
        if (occurredAtUtc < OpensAtUtc)
            throw DomainException.For("OccurredAt", "签到时间不能早于巡检窗口开始（{0}）", WindowFrom);
        CheckInAtUtc = occurredAtUtc;
        CheckInLocation = Clean(location, 200, "Location");
        foreach (var a in Assets)
            a.KeepChecklist(checklists.GetValueOrDefault(a.AssetId) ?? []);
        Status = RoundStatus.InProgress;
        Version++;
    }

    /// <summary>
    /// Records the result of one checklist item of one asset (again: replaces it). Only the round's
    /// own assets can have findings; anything else is refused.
    /// </summary>
    public InspectionFinding Record(FindingDraft draft, DateTime nowUtc)
    {
        RequireInProgress();
        var asset =
            Assets.FirstOrDefault(a => a.AssetId == draft.AssetId)
            ?? throw DomainException.For("AssetId", "该设备不在本次巡检的范围内（不属于该地点或已过保）");
        var existing = Findings.FirstOrDefault(f => f.AssetId == draft.AssetId && f.ChecklistItemId == draft.ChecklistItemId);
        if (existing is not null)
        {
            existing.Revise(draft, nowUtc);
            Version++;
            return existing;
        }
        var f = InspectionFinding.Create(this, asset.ContractId, draft, nowUtc);
        Findings.Add(f);
        Version++;
        return f;
    }

    /// <summary>Checked before the signature's file is stored, so a refusal leaves nothing behind.</summary>
    public void CheckCanSign(string? signerName)
    {
        RequireInProgress();
        if (string.IsNullOrWhiteSpace(signerName))
            throw DomainException.For("SignerName", "请填写签字人姓名");
        if (signerName.Trim().Length > 100)
            throw DomainException.For("SignerName", "签字人姓名不能超过{0}个字符", 100);
    }

    public void Sign(long documentId, string signerName, DateTime nowUtc)
    {
        CheckCanSign(signerName);
        (SignatureDocumentId, SignerName, SignedAtUtc) = (documentId, signerName.Trim(), nowUtc);
        Version++;
    }

    /// <summary>
    /// 签退: every asset inspected, the customer signed and rated the visit. Returns the hazards still
    /// open, each of which the caller turns into a preventive work order.
    /// </summary>
    public IReadOnlyList<InspectionFinding> Complete(DateTime occurredAtUtc, int satisfaction, string? comment, DateTime nowUtc)
    {
        if (Status == RoundStatus.Completed)
            throw new DomainException("巡检已完成，不能再次完成");
        RequireInProgress();
        if (occurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "签退时间不能晚于当前时间");
        RequireWindowOpen(nowUtc, "巡检窗口已结束，不能签退");
        if (occurredAtUtc >= DueAtUtc)
            throw DomainException.For("OccurredAt", "巡检窗口已结束，不能签退");
        if (occurredAtUtc < OpensAtUtc)
            throw DomainException.For("OccurredAt", "签退时间不能早于巡检窗口开始（{0}）", WindowFrom);
        if (occurredAtUtc < CheckInAtUtc)
            throw DomainException.For("OccurredAt", "签退时间不能早于签到时间");
        var undone = Assets.Count(a => Findings.All(f => f.AssetId != a.AssetId) && (a.ChecklistItemIds is null || a.Checklist.Count > 0));
        if (undone > 0)
            throw new DomainException("还有{0}台设备未检查", undone);
        // 逐项检查: every item of each asset's checklist as of check-in carries a mark.
        var unmarked = Assets.Sum(a => a.Checklist.Count(i => !Findings.Any(f => f.AssetId == a.AssetId && f.ChecklistItemId == i)));
        if (unmarked > 0)
            throw new DomainException("还有{0}个检查项未标记结果", unmarked);
        if (SignatureDocumentId is null)
            throw new DomainException("请先请客户签字再签退");
        if (satisfaction is < 1 or > 5)
            throw DomainException.For("Satisfaction", "请客户评价回访满意度（1到5星）");
        (Satisfaction, SatisfactionComment) = (satisfaction, Clean(comment, MaxComment, "Comment"));
        (CheckOutAtUtc, Status) = (occurredAtUtc, RoundStatus.Completed);
        Version++;
        // A hazard already fixed or declined during the visit needs no work order.
        return [.. Findings.Where(f => f.Result == FindingResult.Hazard && f.Outcome == FindingOutcome.Open)];
    }

    /// <summary>
    /// Missed detection: the window closed and the round was not done in it, whether it was never
    /// started or the technician checked in and never checked out.
    /// </summary>
    public bool MarkMissedIfDue(DateTime nowUtc)
    {
        if (Status is not (RoundStatus.Planned or RoundStatus.Scheduled or RoundStatus.InProgress) || nowUtc < DueAtUtc)
            return false;
        (Status, MissedAtUtc) = (RoundStatus.Missed, nowUtc);
        Version++;
        return true;
    }

    /// <summary>
    /// Once the window has closed the round is missed, whether or not the missed pass has run yet:
    /// otherwise the outcome would depend on which came first, the pass or a late request.
    /// </summary>
    void RequireWindowOpen(DateTime nowUtc, string message)
    {
        if (nowUtc >= DueAtUtc)
            throw new DomainException(message);
    }

    void RequireInProgress()
    {
        if (Status != RoundStatus.InProgress)
            throw new DomainException("巡检{0}，不能修改检查结果", InspectionTitles.Status(Status));
    }

    internal static string? Clean(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        return t.Length <= max ? t : throw DomainException.For(field, "内容不能超过{0}个字符", max);
    }
}

/// <summary>An asset the round covers, with the contract whose coverage brought it in.</summary>
public sealed class InspectionRoundAsset
{
    public long RoundId { get; private set; }
    public long AssetId { get; private set; }
    public long ContractId { get; private set; }

    /// <summary>
    /// The asset's checklist items when the technician checked in, comma-separated ids; null before
    /// check-in (and on rounds started before checklists were kept, which need one mark per asset).
    /// </summary>
    public string? ChecklistItemIds { get; private set; }

    public IReadOnlyList<long> Checklist =>
        string.IsNullOrEmpty(ChecklistItemIds)
            ? []
            : [.. ChecklistItemIds.Split(',').Select(x => long.Parse(x, System.Globalization.CultureInfo.InvariantCulture))];

    internal void KeepChecklist(IEnumerable<long> itemIds) =>
        ChecklistItemIds = string.Join(
            ',',
            itemIds.Distinct().Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
        );

    InspectionRoundAsset() { }

    internal InspectionRoundAsset(long assetId, long contractId) => (AssetId, ContractId) = (assetId, contractId);

    internal InspectionRoundAsset(long roundId, long assetId, long contractId) =>
        (RoundId, AssetId, ContractId) = (roundId, assetId, contractId);
}
