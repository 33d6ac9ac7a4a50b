using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Demo;

/// <summary>
/// Appends N entries to one contract's penalty ledger for benchmarks and multi-page statements,
/// through the ledger's own writer (sequence, cap, hash chain as in use), spread over the past year
/// in time order: mostly late-restoration days and missed responses resting on the restore and
/// response clocks of the contract's work orders (their receipt events and pauses as evidence),
/// assessed losses, preventable accidents, and waivers of earlier entries. The clocks used are
/// marked settled, so the accrual does not charge them again. One transaction per batch.
/// </summary>
internal static class BulkPenalties
{
    const int Batch = 2_000;

    sealed record Source(long WorkOrderId, ClockEvidence Restore, ClockEvidence? Response);

    public static async Task<string> GenerateAsync(IServiceProvider sp, long contractId, int count, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var sources = await SourcesAsync(sp, contractId, ct);
        // Continue after what the ledger already holds: a work order's late days and its one missed response are unique.
        var (periods, responded) = await ChargedAsync(sp, sources, ct);
        var waivable = new List<(long Id, long AmountFen, long? WorkOrderId)>();
        var first = now.AddDays(-365);
        var step = (now - first).Ticks / Math.Max(1, count);
        for (var offset = 0; offset < count; offset += Batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditDisabled = true;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var contract = await db.Contracts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == contractId, ct);
            var writer = new LedgerWriter(db);
            await writer.LoadAsync([contractId], ct);
            var written = new List<PenaltyEntry>();
            for (var i = offset; i < Math.Min(count, offset + Batch); i++)
            {
                var at = first.AddTicks(step * i);
                var draft = Draft(contract, sources, i, at, random, periods, responded, waivable);
                written.Add(writer.Append(draft, WorkOrders.Actor.System, at.AddMinutes(random.Next(1, 90))));
            }
            // Through the change tracker, not the writer's bulk insert: waivers in later batches need these entries' ids.
            await writer.SaveAsync(ct);
            await tx.CommitAsync(ct);
            waivable.AddRange(
                written.Where(e => !e.Kind.IsCounterEntry() && e.AmountFen != 0).Select(e => (e.Id, e.AmountFen, e.WorkOrderId))
            );
        }
        await using (var scope = sp.CreateAsyncScope())
        {
            var clocks = sources.SelectMany(s => new[] { s.Restore.ClockId, s.Response?.ClockId }).OfType<long>().ToList();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The accrual state lives in its own table (an entity split EF cannot bulk-update); the ids are numbers of this method.
            foreach (var chunk in clocks.Chunk(1000))
            {
#pragma warning disable EF1002, CA2100
                await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE \"{AccrualIndexes.Table}\" SET \"PenaltyCheckUtc\" = NULL WHERE \"Id\" IN ({string.Join(",", chunk)})",
                    ct
                );
#pragma warning restore EF1002, CA2100
            }
        }
        return $"{count} penalty entries appended to contract {contractId}";
    }

    static EntryDraft Draft(
        Contracts.Contract c,
        List<Source> sources,
        int i,
        DateTime at,
        Random random,
        Dictionary<long, int> periods,
        HashSet<long> responded,
        List<(long Id, long AmountFen, long? WorkOrderId)> waivable
    )
    {
        var t = c.Terms;
        var source = sources.Count == 0 ? null : sources[i % sources.Count];
        switch (i % 20)
        {
            case 18 when waivable.Count > 0:
                var original = waivable[random.Next(waivable.Count)];
                waivable.Remove(original);
                return new EntryDraft(
                    c.Id,
                    c.CustomerId,
                    PenaltyKind.Waiver,
                    -original.AmountFen,
                    c.TotalFen,
                    at,
                    WorkOrderId: original.WorkOrderId,
                    OriginalEntryId: original.Id,
                    Description: "客户原因，经双方确认核销"
                );
            case 17:
                return new EntryDraft(
                    c.Id,
                    c.CustomerId,
                    PenaltyKind.Loss,
                    random.Next(10_000, 5_000_000),
                    c.TotalFen,
                    at,
                    WorkOrderId: source?.WorkOrderId,
                    Description: "故障造成的损失，按评估金额赔偿"
                );
            case 16:
                return new EntryDraft(
                    c.Id,
                    c.CustomerId,
                    PenaltyKind.PreventableAccident,
                    PenaltyAmount.Of(c.TotalFen, t.AccidentPenaltyBp),
                    c.TotalFen,
                    at,
                    RateBp: t.AccidentPenaltyBp,
                    Description: "巡检未发现的隐患导致事故"
                );
            case 15 when source?.Response is { } response && responded.Add(source.WorkOrderId):
                return new EntryDraft(
                    c.Id,
                    c.CustomerId,
                    PenaltyKind.MissedResponse,
                    PenaltyAmount.Of(c.TotalFen, t.ResponsePenaltyBp),
                    c.TotalFen,
                    at,
                    WorkOrderId: source.WorkOrderId,
                    Period: 1,
                    RateBp: t.ResponsePenaltyBp,
                    Clock: response
                );
            default:
                var key = source?.WorkOrderId ?? 0;
                var period = periods[key] = periods.GetValueOrDefault(key) + 1;
                return new EntryDraft(
                    c.Id,
                    c.CustomerId,
                    PenaltyKind.LateRestoration,
                    PenaltyAmount.Of(c.TotalFen, t.LateRestorePenaltyBp),
                    c.TotalFen,
                    at,
                    WorkOrderId: source?.WorkOrderId,
                    Period: source is null ? null : period,
                    RateBp: t.LateRestorePenaltyBp,
                    Clock: source?.Restore
                );
        }
    }

    static async Task<(Dictionary<long, int>, HashSet<long>)> ChargedAsync(IServiceProvider sp, List<Source> sources, CancellationToken ct)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = sources.Select(s => (long?)s.WorkOrderId).ToList();
        var charged = await db
            .PenaltyEntries.IgnoreQueryFilters()
            .Where(e => ids.Contains(e.WorkOrderId) && (e.Kind == PenaltyKind.LateRestoration || e.Kind == PenaltyKind.MissedResponse))
            .GroupBy(e => new { e.WorkOrderId, e.Kind })
            .Select(g => new
            {
                g.Key.WorkOrderId,
                g.Key.Kind,
                Last = g.Max(e => e.Period),
            })
            .ToListAsync(ct);
        return (
            charged.Where(c => c.Kind == PenaltyKind.LateRestoration).ToDictionary(c => c.WorkOrderId!.Value, c => c.Last ?? 0),
            [.. charged.Where(c => c.Kind == PenaltyKind.MissedResponse).Select(c => c.WorkOrderId!.Value)]
        );
    }

    /// <summary>The contract's work orders with a restore clock, and the evidence their entries rest on.</summary>
    static async Task<List<Source>> SourcesAsync(IServiceProvider sp, long contractId, CancellationToken ct)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var orders = await db
            .WorkOrders.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(w => w.ContractId == contractId)
            .OrderBy(w => w.Id)
            .Take(200)
            .Include(w => w.Clocks)
            .Include(w => w.Pauses)
            .Include(w => w.Events)
            .AsSplitQuery()
            .ToListAsync(ct);
        var sources = new List<Source>();
        foreach (var w in orders)
        {
            ClockEvidence? Evidence(ClockKind kind, WorkOrderEventType meeting)
            {
                var clock = w.ClockOf(kind);
                if (clock is null)
                    return null;
                var due = clock.DueUtc ?? clock.StartedUtc + clock.Window;
                var start = w.Events.FirstOrDefault(e => e.Type == WorkOrderEventType.Received)?.Id;
                var end = w.Events.FirstOrDefault(e => e.Type == meeting)?.Id;
                var pauses = kind == ClockKind.Restore ? w.Pauses.Where(p => p.FromUtc < due).Select(p => p.Id).ToList() : [];
                return new ClockEvidence(clock.Id, due, start, end, pauses);
            }
            if (Evidence(ClockKind.Restore, WorkOrderEventType.Restored) is { } restore)
                sources.Add(new Source(w.Id, restore, Evidence(ClockKind.Response, WorkOrderEventType.Responded)));
        }
        return sources;
    }
}
