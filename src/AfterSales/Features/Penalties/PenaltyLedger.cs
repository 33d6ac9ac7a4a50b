using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// The ledger's query surface, for statements (screen, Excel, PDF), the API and summaries. Every
/// query goes through the customer-scoped sets: a customer user gets null for another customer's
/// contract, exactly as for a contract that does not exist. Read-only: entries are written by
/// <see cref="PenaltyAccrual"/> and <see cref="PenaltyPosting"/> only. See README.md.
/// </summary>
public sealed class PenaltyLedger(AppDbContext db)
{
    /// <summary>
    /// A contract's entries whose <see cref="PenaltyEntry.OccurredAtUtc"/> lies in [from, to), in chain
    /// order, with evidence and totals; null when the contract is not visible.
    /// </summary>
    public async Task<PenaltyStatement?> StatementAsync(long contractId, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct)
    {
        var header = await HeaderAsync(contractId, ct);
        if (header is null)
            return null;
        var lines = await LinesAsync(Entries(fromUtc, toUtc).Where(e => e.ContractId == contractId), ct);
        return new PenaltyStatement(header, fromUtc, toUtc, lines, PenaltyTotals.Of(lines));
    }

    /// <summary>Totals only (archive cards, contract pages); null when the contract is not visible.</summary>
    public async Task<PenaltyTotals?> TotalsAsync(long contractId, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, ct))
            return null;
        return Totals(await KindTotalsAsync(contractId, fromUtc, toUtc, ct));
    }

    /// <summary>
    /// One page of a contract's statement: the totals and the counts by kind summed in the database,
    /// and only the entries of rows [skip, skip + take) in chain order, with their evidence and the
    /// counter-entries that refer to them; null when the contract is not visible.
    /// </summary>
    public async Task<PenaltyStatementPage?> PageAsync(
        long contractId,
        DateTime? fromUtc,
        DateTime? toUtc,
        int pageSize,
        int page,
        CancellationToken ct
    )
    {
        var header = await HeaderAsync(contractId, ct);
        if (header is null)
            return null;
        var kinds = await KindTotalsAsync(contractId, fromUtc, toUtc, ct);
        var totals = Totals(kinds);
        var pages = Math.Max(1, (totals.Entries + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pages);
        var period = Entries(fromUtc, toUtc).Where(e => e.ContractId == contractId);
        var lines =
            totals.Entries == 0 ? [] : await LinesAsync(period.OrderBy(e => e.Sequence).Skip((number - 1) * pageSize).Take(pageSize), ct);
        var last = await period.OrderByDescending(e => e.Sequence).Select(e => new PenaltyHead(e.Sequence, e.Hash)).FirstOrDefaultAsync(ct);
        var counts = Enum.GetValues<PenaltyKind>().ToDictionary(k => k, k => kinds.Where(r => r.Kind == k).Sum(r => r.Count));
        return new PenaltyStatementPage(new PenaltyStatement(header, fromUtc, toUtc, lines, totals), counts, last, number, pages);
    }

    /// <summary>Count and sum of a contract's entries in [from, to) by kind and capped or not, summed in the database.</summary>
    Task<List<KindTotal>> KindTotalsAsync(long contractId, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct) =>
        Entries(fromUtc, toUtc)
            .Where(e => e.ContractId == contractId)
            .GroupBy(e => new { e.Kind, e.Capped })
            .Select(g => new KindTotal(g.Key.Kind, g.Key.Capped, g.Count(), g.Sum(e => e.AmountFen)))
            .ToListAsync(ct);

    static PenaltyTotals Totals(List<KindTotal> rows)
    {
        long Sum(Func<PenaltyKind, bool> kind) => rows.Where(r => kind(r.Kind)).Sum(r => r.Sum);
        return new PenaltyTotals(
            rows.Sum(r => r.Count),
            Sum(k => k.IsRateBased()),
            Sum(k => k == PenaltyKind.Loss),
            Sum(k => k.IsCounterEntry()),
            Sum(_ => true),
            rows.Where(r => r.Capped).Sum(r => r.Count),
            Enum.GetValues<PenaltyKind>().ToDictionary(k => k, k => Sum(x => x == k))
        );
    }

    sealed record KindTotal(PenaltyKind Kind, bool Capped, int Count, long Sum);

    /// <summary>A work order's entries in chain order (empty when it has none or is not visible).</summary>
    public Task<List<PenaltyLine>> ForWorkOrderAsync(long workOrderId, CancellationToken ct) =>
        LinesAsync(db.PenaltyEntries.Where(e => e.WorkOrderId == workOrderId), ct);

    /// <summary>An accident's entries (its charge and its losses), with the counter-entries that cancelled them.</summary>
    public Task<List<PenaltyLine>> ForAccidentAsync(long accidentId, CancellationToken ct) =>
        LinesAsync(db.PenaltyEntries.Where(e => e.AccidentId == accidentId), ct);

    /// <summary>One entry with its evidence; null when it does not exist or is not visible.</summary>
    public async Task<PenaltyLine?> EntryAsync(long id, CancellationToken ct) =>
        (await LinesAsync(db.PenaltyEntries.Where(e => e.Id == id), ct)).SingleOrDefault();

    /// <summary>
    /// Re-computes the contract's whole chain from its entries (never from the stored head): intact,
    /// or broken at the first entry that is missing, altered or unlinked. Null when not visible.
    /// </summary>
    public async Task<ChainCheck?> CheckChainAsync(long contractId, CancellationToken ct)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, ct))
            return null;
        return LedgerChain.Verify(await ChainVerifier.LinksAsync(db, contractId, 0, ct));
    }

    /// <summary>The contract with the terms its amounts come from; null when not visible.</summary>
    public async Task<ContractHeader?> HeaderAsync(long contractId, CancellationToken ct)
    {
        var h = await db
            .Contracts.AsNoTracking()
            .Where(c => c.Id == contractId)
            .Select(c => new ContractHeader(
                c.Id,
                c.Number,
                c.Title,
                c.CustomerId,
                c.Customer!.Name,
                c.Customer!.TimeZone,
                c.TotalFen,
                c.Terms.ResponsePenaltyBp,
                c.Terms.LateRestorePenaltyBp,
                c.Terms.AccidentPenaltyBp,
                c.Terms.PenaltyCapBp,
                null
            ))
            .FirstOrDefaultAsync(ct);
        return h is null ? null : h with { CapFen = PenaltyCap.Of(h.TotalFen, h.PenaltyCapBp) };
    }

    /// <summary>Up to this many entries, their counter-entries are looked up by id rather than by contract.</summary>
    const int FewEntries = 1000;

    IQueryable<PenaltyEntry> Entries(DateTime? fromUtc, DateTime? toUtc)
    {
        var q = db.PenaltyEntries.AsQueryable();
        if (fromUtc is { } from)
            q = q.Where(e => e.OccurredAtUtc >= from);
        if (toUtc is { } to)
            q = q.Where(e => e.OccurredAtUtc < to);
        return q;
    }

    /// <summary>
    /// Entries with their evidence in three queries whatever their number: the entries with their
    /// work orders' numbers, the documents of those that have any, and the counter-entries of their
    /// contracts (which also say which clock a correction rests on).
    /// </summary>
    async Task<List<PenaltyLine>> LinesAsync(IQueryable<PenaltyEntry> entries, CancellationToken ct)
    {
        var rows = await (
            from e in entries.AsNoTracking()
            join w in db.WorkOrders on e.WorkOrderId equals (long?)w.Id into ws
            from w in ws.DefaultIfEmpty()
            orderby e.ContractId, e.Sequence
            select new { Entry = e, Number = w == null ? null : w.Number }
        ).ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var withDocuments = rows.Where(r => r.Entry.Kind is PenaltyKind.Loss or PenaltyKind.PreventableAccident)
            .Select(r => r.Entry.Id)
            .ToList();
        List<PenaltyEvidence> evidence =
            withDocuments.Count == 0
                ? []
                : await db.Set<PenaltyEvidence>().AsNoTracking().Where(d => withDocuments.Contains(d.PenaltyEntryId)).ToListAsync(ct);
        var documents = evidence.ToLookup(d => d.PenaltyEntryId);
        var contractIds = rows.Select(r => r.Entry.ContractId).Distinct().ToList();
        // A few entries (a page, a work order): only the counter-entries that cancel them or that
        // they are, by the original's index; many (the files): the contracts' counter-entries in one scan.
        var ids = rows.Count <= FewEntries ? rows.Select(r => r.Entry.Id).ToList() : null;
        var counterEntries = db.PenaltyEntries.AsNoTracking().Where(e => contractIds.Contains(e.ContractId) && e.OriginalEntryId != null);
        if (ids is not null)
            counterEntries = counterEntries.Where(e => ids.Contains(e.OriginalEntryId!.Value) || ids.Contains(e.Id));
        var counters = await counterEntries
            .Select(e => new
            {
                e.Id,
                Original = e.OriginalEntryId!.Value,
                OriginalKind = db.PenaltyEntries.Where(o => o.Id == e.OriginalEntryId).Select(o => o.Kind).First(),
            })
            .ToListAsync(ct);
        var counterOf = counters.ToDictionary(c => c.Original, c => c.Id);
        var cancelledKind = counters.ToDictionary(c => c.Id, c => c.OriginalKind);
        return
        [
            .. rows.Select(r =>
            {
                var e = r.Entry;
                var docs = documents[e.Id].Select(d => d.ToEvidence()).ToList();
                var clockKind = e.ClockId is null
                    ? null
                    : ClockOf(e.Kind == PenaltyKind.Correction ? cancelledKind.GetValueOrDefault(e.Id) : e.Kind);
                return new PenaltyLine(
                    e.Id,
                    e.ContractId,
                    e.Sequence,
                    e.Kind,
                    e.Period,
                    e.WorkOrderId,
                    r.Number,
                    e.AmountFen,
                    e.ComputedFen,
                    e.BaseFen,
                    e.RateBp,
                    e.Capped,
                    e.OccurredAtUtc,
                    e.RecordedAtUtc,
                    e.RecordedByName,
                    e.Description,
                    e.OriginalEntryId,
                    counterOf.TryGetValue(e.Id, out var counter) ? counter : null,
                    new PenaltyEvidenceView(e.ClockId, clockKind, e.DueUtc, e.StartEventId, e.EndEventId, e.PauseIdList, docs),
                    e.Hash,
                    e.AccidentId
                );
            }),
        ];
    }

    /// <summary>The clock an accrued entry (or the entry a correction cancels) comes from.</summary>
    static ClockKind? ClockOf(PenaltyKind kind) =>
        kind switch
        {
            PenaltyKind.MissedResponse => ClockKind.Response,
            PenaltyKind.LateRestoration => ClockKind.Restore,
            _ => null,
        };
}
