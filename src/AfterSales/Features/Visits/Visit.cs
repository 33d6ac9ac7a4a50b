using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Visits;

/// <summary>
/// 现场服务: one technician's stay at the customer's site, from check-in to check-out. Check-in
/// and 恢复运行 are events of the work order (they meet its on-site and restore clocks); the rest
/// is what the service report shows. Times may be given later by a technician who was offline.
/// </summary>
public sealed class Visit : IAudited, ICustomerOwned
{
    public const int MaxText = 4000;
    public const int MaxComment = 1000;

    public long Id { get; private set; }
    public long WorkOrderId { get; private set; }

    /// <summary>The work order's customer, so customer scoping needs no join.</summary>
    public long CustomerId { get; private set; }
    public string TechnicianId { get; private set; } = "";
    public string TechnicianName { get; private set; } = "";
    public DateTime CheckInAtUtc { get; private set; }
    public string? CheckInLocation { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateTime? CheckOutAtUtc { get; private set; }
    public string? WorkDone { get; private set; }
    public FaultCauseCategory? FaultCause { get; private set; }
    public string? FaultAnalysis { get; private set; }
    public string? RepairSteps { get; private set; }
    public List<VisitItem> Items { get; private set; } = [];

    /// <summary>The customer's signature, a PNG document owned by this visit.</summary>
    public long? SignatureDocumentId { get; private set; }
    public string? SignerName { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }

    Visit() { }

    public bool IsOpen => CheckOutAtUtc is null;

    /// <summary>At most this many parts per visit, so the total stays far inside a long.</summary>
    public const int MaxItems = 200;

    public long ChargeableTotalFen => checked(Items.Sum(i => i.AmountFen));

    /// <summary>
    /// Arrival at the site: the work order's arrival event (which meets the on-site clock) and a new
    /// open visit. The caller has checked that no other visit of this work order or technician is open.
    /// </summary>
    public static Visit CheckIn(WorkOrder w, DateTime occurredAtUtc, Location? where, Actor by, DateTime nowUtc)
    {
        if (w.Status is WorkOrderStatus.Restored or WorkOrderStatus.Confirmed)
            throw new DomainException("服务已恢复，无需到场签到");
        if (w.TechnicianId is null || w.TechnicianName is null)
            throw new DomainException("尚未派单，不能到场签到");
        w.Arrive(occurredAtUtc, by, nowUtc);
        return new()
        {
            WorkOrderId = w.Id,
            CustomerId = w.CustomerId,
            TechnicianId = w.TechnicianId,
            TechnicianName = w.TechnicianName,
            CheckInAtUtc = occurredAtUtc,
            CheckInLocation = Clean(where?.Text, 200, "Location"),
            Latitude = where?.Latitude,
            Longitude = where?.Longitude,
        };
    }

    /// <summary>What was done and found, and the parts used (the list replaces the previous one).</summary>
    public void RecordWork(string? workDone, FaultCauseCategory? cause, string? analysis, string? steps, IReadOnlyList<VisitItem> items)
    {
        RequireCheckedIn();
        if (string.IsNullOrWhiteSpace(workDone))
            throw DomainException.For("WorkDone", "请填写工作内容");
        if (cause is { } c && !Enum.IsDefined(c))
            throw DomainException.For("FaultCause", "请选择故障原因");
        if (items.Count > MaxItems)
            throw DomainException.For("Items", "配件不能超过{0}项", MaxItems);
        WorkDone = Clean(workDone, MaxText, nameof(WorkDone));
        FaultCause = cause;
        FaultAnalysis = Clean(analysis, MaxText, nameof(FaultAnalysis));
        RepairSteps = Clean(steps, MaxText, nameof(RepairSteps));
        Items.Clear();
        Items.AddRange(items);
    }

    /// <summary>恢复运行 from the site: the work order's restore event (meets the restore clock).</summary>
    public void Restore(WorkOrder w, DateTime occurredAtUtc, string? note, Actor by, DateTime nowUtc)
    {
        RequireCheckedIn();
        if (occurredAtUtc < CheckInAtUtc)
            throw DomainException.For("OccurredAt", "恢复时间不能早于签到时间");
        w.Restore(occurredAtUtc, note, by, nowUtc);
    }

    /// <summary>Checked before the signature's file is stored, so a refusal leaves nothing behind.</summary>
    public void CheckCanSign(string? signerName)
    {
        RequireCheckedIn();
        if (string.IsNullOrWhiteSpace(signerName))
            throw DomainException.For("SignerName", "请填写签字人姓名");
        if (signerName.Trim().Length > 100)
            throw DomainException.For("SignerName", "签字人姓名不能超过{0}个字符", 100);
    }

    public void Sign(long documentId, string signerName, DateTime nowUtc)
    {
        CheckCanSign(signerName);
        (SignatureDocumentId, SignerName, SignedAtUtc) = (documentId, signerName.Trim(), nowUtc);
    }

    /// <summary>Leaving the site: the customer has signed and rated the service first.</summary>
    public void CheckOut(DateTime occurredAtUtc, int rating, string? comment, DateTime nowUtc)
    {
        RequireCheckedIn();
        if (occurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "签退时间不能晚于当前时间");
        if (occurredAtUtc < CheckInAtUtc)
            throw DomainException.For("OccurredAt", "签退时间不能早于签到时间");
        if (WorkDone is null)
            throw new DomainException("请先记录工作内容再签退");
        if (SignatureDocumentId is null)
            throw new DomainException("请先请客户签字再签退");
        if (rating is < 1 or > 5)
            throw DomainException.For("Rating", "请客户评分（1到5星）");
        Rating = rating;
        RatingComment = Clean(comment, MaxComment, "Comment");
        CheckOutAtUtc = occurredAtUtc;
    }

    void RequireCheckedIn()
    {
        if (!IsOpen)
            throw new DomainException("已签退，现场服务记录不能再修改");
    }

    static string? Clean(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        return t.Length <= max ? t : throw DomainException.For(field, "内容不能超过{0}个字符", max);
    }
}

/// <summary>Where the technician checked in: what they typed, and the browser's position if allowed.</summary>
public sealed record Location(string? Text, double? Latitude, double? Longitude);
