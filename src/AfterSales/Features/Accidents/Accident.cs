using AfterSales.Features.Accidents.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Accidents;

/// <summary>What staff typed about an accident.</summary>
/// <param name="DocumentIds">Evidence: documents of the asset (photos of the damage, the assessment).</param>
public sealed record AccidentInput(
    long AssetId,
    DateTime OccurredAtUtc,
    string? Description,
    long LossesFen,
    string? LossAssessment,
    IReadOnlyList<long> DocumentIds
);

/// <summary>
/// 事故: something that went wrong with an installed asset (a billboard blown down, a honor-wall
/// panel fallen off), with the losses it caused. Decided once, when recorded, whether preventive
/// maintenance under the contract should have prevented it (DESIGN §2 promise 12); the decision,
/// its reason and its evidence (the missed round or the open finding) never change afterwards.
/// </summary>
public sealed class Accident : IAudited, ICustomerOwned
{
    public const int MaxText = 2000;

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public long ContractId { get; private set; }
    public long AssetId { get; private set; }
    public long SiteId { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>Assessed losses in fen; 0 when none were assessed.</summary>
    public long LossesFen { get; private set; }
    public string? LossAssessment { get; private set; }

    /// <summary>Evidence documents of the asset, comma-separated ids.</summary>
    public string? DocumentIds { get; private set; }
    public bool Preventable { get; private set; }
    public AccidentReason Reason { get; private set; }

    /// <summary>The asset's last round due before the accident (the missed one when that decided it).</summary>
    public long? RoundId { get; private set; }

    /// <summary>The open finding that decided it, when no missed round did; else the first one open.</summary>
    public long? FindingId { get; private set; }

    /// <summary>All findings open at the accident, comma-separated ids.</summary>
    public string? OpenFindingIds { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";

    Accident() { }

    /// <summary>Checks the input and records the accident with its decision.</summary>
    public static Accident Record(
        AccidentInput input,
        long customerId,
        long contractId,
        long siteId,
        AccidentDecision decision,
        Actor by,
        DateTime nowUtc
    )
    {
        Check(input, nowUtc);
        return new Accident
        {
            CustomerId = customerId,
            ContractId = contractId,
            AssetId = input.AssetId,
            SiteId = siteId,
            OccurredAtUtc = input.OccurredAtUtc,
            Description = input.Description!.Trim(),
            LossesFen = input.LossesFen,
            LossAssessment = string.IsNullOrWhiteSpace(input.LossAssessment) ? null : input.LossAssessment.Trim(),
            DocumentIds = input.DocumentIds.Count == 0 ? null : string.Join(',', input.DocumentIds.Distinct().Order()),
            Preventable = decision.Preventable,
            Reason = decision.Reason,
            RoundId = decision.Round?.RoundId,
            FindingId = decision.Finding?.FindingId,
            OpenFindingIds = decision.OpenFindings.Count == 0 ? null : string.Join(',', decision.OpenFindings.Select(f => f.FindingId)),
            RecordedAtUtc = nowUtc,
            RecordedById = by.UserId,
            RecordedByName = by.Name,
        };
    }

    /// <summary>Everything that can be checked without the database, before anything is read.</summary>
    public static void Check(AccidentInput input, DateTime nowUtc)
    {
        if (input.OccurredAtUtc > nowUtc)
            throw DomainException.For("OccurredAt", "事故时间不能晚于当前时间");
        if (string.IsNullOrWhiteSpace(input.Description))
            throw DomainException.For("Description", "请说明事故经过");
        if (input.Description.Trim().Length > MaxText)
            throw DomainException.For("Description", "内容不能超过{0}个字符", MaxText);
        if (input.LossAssessment is { } a && a.Trim().Length > MaxText)
            throw DomainException.For("LossAssessment", "内容不能超过{0}个字符", MaxText);
        if (input.LossesFen < 0)
            throw DomainException.For("LossesFen", "损失金额不能为负数");
        if (input.LossesFen > Platform.Formatting.MoneyInput.MaxFen)
            throw DomainException.For(
                "LossesFen",
                "损失金额不能超过{0}",
                Platform.Formatting.Display.Money(Platform.Formatting.MoneyInput.MaxFen)
            );
        if (input.LossesFen > 0 && input.DocumentIds.Count == 0)
            throw DomainException.For("DocumentIds", "有损失时请选择证明损失的文档");
    }

    public IReadOnlyList<long> DocumentIdList => DocumentIds is null ? [] : [.. DocumentIds.Split(',').Select(long.Parse)];
    public IReadOnlyList<long> OpenFindingIdList => OpenFindingIds is null ? [] : [.. OpenFindingIds.Split(',').Select(long.Parse)];
}
