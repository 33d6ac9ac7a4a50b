using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Demo;

/// <summary>
/// The accrual benchmark's data set: N work orders still open whose restore deadline passed within
/// the last day, spread round-robin over C contracts (so the contracts' hash chains interleave in
/// one accrual pass), opened through the entity's own verbs on 7x24 contracts. Most were answered in
/// time; about one in five was answered late or not at all, so its response clock is breached too.
/// Clocks are stored as breach detection would have left them and as the ledger has not seen them
/// yet (<see cref="WorkOrderClock.PenaltyCheckUtc"/> at the due instant). Customers and contracts
/// are generated first when there are fewer than C. Written with prepared inserts
/// (<see cref="RowWriter"/>), one transaction per batch, as <see cref="BulkWorkOrders"/>.
/// </summary>
internal static class BulkLateWorkOrders
{
    const int Batch = 5_000;
    static readonly Actor Agent = new(null, "坐席");

    sealed record Place(long ContractId, long CustomerId, string TimeZone, ServiceTerms Terms, CoveragePeriods Coverage, long[] Assets);

    public static async Task<string> GenerateAsync(IServiceProvider sp, int count, int contracts, int seed, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contracts, 1);
        var random = new Random(seed);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var places = await PlacesAsync(sp, contracts, seed, ct);
        var calendar = await sp.GetRequiredService<ServiceCalendarProvider>().ForAsync(ServiceCalendarKind.AllHours, null, ct);
        Dictionary<string, int> counters;
        using (var scope = sp.CreateScope())
            counters = await scope
                .ServiceProvider.GetRequiredService<AppDbContext>()
                .DailyCounters.ToDictionaryAsync(c => c.Key, c => c.Last, ct);
        var (made, responseBreached) = (0, 0);
        for (var offset = 0; offset < count; offset += Batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditDisabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = new RowWriter(db);
            for (var i = offset; i < Math.Min(count, offset + Batch); i++)
            {
                var place = places[i % places.Count];
                var w = Open(place, now, calendar, random, counters);
                if (w.ClockOf(ClockKind.Response) is { } response && History.Breached(response, now))
                    responseBreached++;
                await BulkWorkOrders.WriteAsync(db, rows, w, now, random, ct);
                made++;
            }
            await tx.CommitAsync(ct);
        }
        await BulkWorkOrders.SetCountersAsync(sp, counters, ct);
        return $"Generated {made} open late work orders on {places.Count} contracts ({responseBreached} with a breached response clock).";
    }

    /// <summary>Received 48 h plus up to a day ago, so the restore deadline (48 h, 7x24) passed within the last day.</summary>
    static WorkOrder Open(Place place, DateTime now, IServiceCalendar calendar, Random random, Dictionary<string, int> counters)
    {
        var restore = TimeSpan.FromHours(place.Terms.RestoreHours);
        var received = now - restore - TimeSpan.FromSeconds(1 + random.Next(24 * 3600 - 2));
        var key = $"GD-{Display.ToLocal(received):yyyyMMdd}";
        var number = $"{key}-{counters[key] = counters.GetValueOrDefault(key) + 1:D4}";
        var day = DateOnly.FromDateTime(Display.ToLocal(received, place.TimeZone));
        var intake = new Intake(
            place.CustomerId,
            place.ContractId,
            [place.Assets[random.Next(place.Assets.Length)]],
            (Channel)random.Next(6),
            received,
            null,
            "灯箱不亮，等待更换配件",
            null,
            null,
            false,
            FaultCause.Defect
        );
        var coverage = CoverageDecision.Decide(FaultCause.Defect, place.Coverage, day);
        var w = WorkOrder.Open(number, intake, place.Terms, coverage, calendar, place.TimeZone, Agent, received);
        // Four in five answered in time; one in ten late; one in ten never (still breached now).
        var answer = random.Next(10) switch
        {
            < 8 => received.AddMinutes(random.Next(5, 200)),
            8 => received.AddMinutes(random.Next(250, 600)),
            _ => (DateTime?)null,
        };
        if (answer is { } at)
            w.Respond(at, "已致电客户了解情况", Agent, at.AddMinutes(1));
        foreach (var c in w.Clocks.Where(c => History.Breached(c, now)))
            w.RecordClockAlert(c.Kind, breached: true, c.DueUtc!.Value, c.DueUtc.Value.AddSeconds(30));
        return w;
    }

    /// <summary>The first <paramref name="contracts"/> 7x24 contracts with assets, generating customers until there are enough.</summary>
    static async Task<List<Place>> PlacesAsync(IServiceProvider sp, int contracts, int seed, CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            List<Place> places;
            await using (var scope = sp.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var zones = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.TimeZone, ct);
                var assets = (await db.Assets.AsNoTracking().Select(a => new { a.Id, a.ContractId }).ToListAsync(ct)).ToLookup(
                    a => a.ContractId,
                    a => a.Id
                );
                places =
                [
                    .. (await db.Contracts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
                        .Where(c => c.Terms.Calendar == ServiceCalendarKind.AllHours && assets[c.Id].Any())
                        .Take(contracts)
                        .Select(c => new Place(c.Id, c.CustomerId, zones[c.CustomerId], c.Terms, c.Coverage, [.. assets[c.Id]])),
                ];
            }
            if (places.Count >= contracts || round == 10)
                return places;
            // BulkData gives each customer one or two 7x24 contracts.
            await BulkData.GenerateAsync(sp, (contracts - places.Count) * 2 / 3 + 1, seed + round, ct);
        }
    }
}
