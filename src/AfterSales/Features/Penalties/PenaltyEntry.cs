using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Penalties;

/// <summary>
/// 违约金台账 entry: one amount owed (or, for a waiver or correction, cancelled) under a contract,
/// with the evidence it rests on. Written once and never changed or deleted (the context refuses
/// it); each contract's entries form a hash chain by <see cref="Sequence"/>. Entries are not in
/// the audit trail: the ledger records who and when itself, and is tamper-evident on its own.
/// </summary>
public sealed class PenaltyEntry : ICustomerOwned, IAppendOnly
{
    public long Id { get; private set; }
    public long ContractId { get; private set; }

    /// <summary>The contract's customer, so a customer user's scope filters the ledger without a join.</summary>
    public long CustomerId { get; private set; }

    /// <summary>Position in the contract's chain: 1, 2, 3… without gaps.</summary>
    public long Sequence { get; private set; }
    public PenaltyKind Kind { get; private set; }
    public long? WorkOrderId { get; private set; }

    /// <summary>An accident's entries (its preventable-accident charge and its losses): the accident they rest on.</summary>
    public long? AccidentId { get; private set; }

    /// <summary>Late restoration: the 24-hour period (1, 2, 3…); a missed response: 1. Null otherwise.</summary>
    public int? Period { get; private set; }

    /// <summary>A waiver or correction: the entry it cancels (at most one counter-entry per entry).</summary>
    public long? OriginalEntryId { get; private set; }

    /// <summary>What is owed, in fen; negative for a counter-entry; 0 once the cap is reached.</summary>
    public long AmountFen { get; private set; }

    /// <summary>The amount before the cap.</summary>
    public long ComputedFen { get; private set; }

    /// <summary>The contract total the amount was computed from.</summary>
    public long BaseFen { get; private set; }
    public int? RateBp { get; private set; }

    /// <summary>The cap cut this entry (to what remained, or to 0).</summary>
    public bool Capped { get; private set; }

    /// <summary>Rate-based amounts recorded on the contract up to and including this entry: what the cap is measured against.</summary>
    public long AccruedFen { get; private set; }

    /// <summary>When the breach happened or its period began; for a loss, when it occurred; for a counter-entry, when it was decided.</summary>
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string? RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";

    /// <summary>A loss's assessment, an accident's account, a waiver's reason.</summary>
    public string? Description { get; private set; }
    public long? ClockId { get; private set; }
    public DateTime? DueUtc { get; private set; }
    public long? StartEventId { get; private set; }
    public long? EndEventId { get; private set; }

    /// <summary>Ids of the pauses that extended the due instant, comma-separated.</summary>
    public string? PauseIds { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public List<PenaltyEvidence> Documents { get; private set; } = [];

    PenaltyEntry() { }

    /// <summary>The next entry of a contract's chain, after <paramref name="head"/>.</summary>
    internal static PenaltyEntry Append(EntryDraft d, ChainHead head, long? capFen, Actor by, DateTime nowUtc)
    {
        var (amount, capped) = d.Kind.IsRateBased() ? PenaltyCap.Apply(capFen, head.AccruedFen, d.ComputedFen) : new(d.ComputedFen, false);
        var e = new PenaltyEntry
        {
            ContractId = d.ContractId,
            CustomerId = d.CustomerId,
            Sequence = head.Sequence + 1,
            Kind = d.Kind,
            WorkOrderId = d.WorkOrderId,
            Period = d.Period,
            OriginalEntryId = d.OriginalEntryId,
            AmountFen = amount,
            ComputedFen = d.ComputedFen,
            BaseFen = d.BaseFen,
            RateBp = d.RateBp,
            Capped = capped,
            AccruedFen = head.AccruedFen + (d.Kind.IsRateBased() ? amount : 0),
            OccurredAtUtc = LedgerHash.Microseconds(d.OccurredAtUtc),
            RecordedAtUtc = LedgerHash.Microseconds(nowUtc),
            RecordedById = by.UserId,
            RecordedByName = by.Name,
            Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim(),
            ClockId = d.Clock?.ClockId,
            DueUtc = d.Clock is { } c ? LedgerHash.Microseconds(c.DueUtc) : null,
            StartEventId = d.Clock?.StartEventId,
            EndEventId = d.Clock?.EndEventId,
            PauseIds = d.Clock is { PauseIds.Count: > 0 } p ? string.Join(',', p.PauseIds) : null,
            PreviousHash = head.Hash,
            AccidentId = d.AccidentId,
        };
        e.Documents.AddRange((d.Documents ?? []).Select(x => new PenaltyEvidence(x)));
        e.Hash = LedgerHash.Compute(e.Fields);
        return e;
    }

    public LedgerFields Fields =>
        new(
            ContractId,
            CustomerId,
            Sequence,
            Kind,
            WorkOrderId,
            Period,
            OriginalEntryId,
            AmountFen,
            ComputedFen,
            BaseFen,
            RateBp,
            Capped,
            AccruedFen,
            OccurredAtUtc,
            RecordedAtUtc,
            RecordedById,
            RecordedByName,
            Description,
            ClockId,
            DueUtc,
            StartEventId,
            EndEventId,
            PauseIds,
            [.. Documents.Select(d => d.ToEvidence())],
            PreviousHash,
            AccidentId
        );

    public IReadOnlyList<long> PauseIdList => PauseIds is null ? [] : [.. PauseIds.Split(',').Select(long.Parse)];
}

/// <summary>A document a loss (or accident) entry rests on, with its name and content hash as they were when recorded.</summary>
public sealed class PenaltyEvidence : IAppendOnly
{
    public long PenaltyEntryId { get; private set; }
    public long DocumentId { get; private set; }
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";

    PenaltyEvidence() { }

    internal PenaltyEvidence(EvidenceDocument d) => (DocumentId, FileName, Sha256) = (d.DocumentId, d.FileName, d.Sha256);

    public EvidenceDocument ToEvidence() => new(DocumentId, FileName, Sha256);
}
