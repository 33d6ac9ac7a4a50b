using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Agreements;
using AfterSales.Features.WorkOrders.Board.Search;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Demo;

/// <summary>
/// Generates N work orders with realistic histories for benchmarks: received over the past year
/// in time order, most answered, diagnosed, visited, restored and closed through the entity's own
/// verbs; recent ones still open; some clocks breached (stored as breached, with their event), some
/// waiting on the customer, chargeable ones waiting for the customer's answer to a quote. Written
/// in batches through prepared inserts (<see cref="RowWriter"/>), without audit rows or change
/// tracking, one transaction per batch, the open ones with their board search postings; the daily counters
/// are set at the end so the next intake continues the numbering.
/// </summary>
internal static class BulkWorkOrders
{
    const int Batch = 5_000;

    public static async Task<string> GenerateAsync(IServiceProvider sp, int count, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var targets = await TargetsAsync(sp, count, seed, ct);
        var technicians = await TechniciansAsync(sp, now);
        var calendars = sp.GetRequiredService<ServiceCalendarProvider>();
        Dictionary<string, int> counters;
        using (var scope = sp.CreateScope())
            counters = await scope
                .ServiceProvider.GetRequiredService<AppDbContext>()
                .DailyCounters.ToDictionaryAsync(c => c.Key, c => c.Last, ct);

        // Receipts spread evenly over the past year, in order, so numbers follow time within a day.
        var first = now.AddDays(-365);
        var step = (now - first).Ticks / Math.Max(1, count);
        var made = 0;
        for (var offset = 0; offset < count; offset += Batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditDisabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = new RowWriter(db);
            var batch = new List<WorkOrder>();
            for (var i = offset; i < Math.Min(count, offset + Batch); i++)
            {
                var received = first.AddTicks(step * i + random.NextInt64(Math.Max(1, step)));
                var target = targets[random.Next(targets.Count)];
                var key = $"GD-{Display.ToLocal(received):yyyyMMdd}";
                var number = $"{key}-{counters[key] = counters.GetValueOrDefault(key) + 1:D4}";
                var history = new History(
                    random,
                    now,
                    await calendars.ForAsync(target.Contract.Terms.Calendar, target.TimeZone, ct),
                    technicians
                );
                var w = history.Play(number, received, target);
                await WriteAsync(db, rows, w, now, random, ct);
                batch.Add(w);
            }
            await tx.CommitAsync(ct);
            made += batch.Count;
        }
        await SetCountersAsync(sp, counters, ct);
        return $"Generated {made} work orders.";
    }

    internal static async Task WriteAsync(AppDbContext db, RowWriter rows, WorkOrder w, DateTime now, Random random, CancellationToken ct)
    {
        var id = await rows.InsertAsync(w, ct);
        foreach (var a in w.Assets)
            await rows.InsertAsync(a, ct, ("WorkOrderId", id));
        foreach (var e in w.Events)
            await rows.InsertAsync(e, ct, ("WorkOrderId", id));
        foreach (var p in w.Pauses)
            await rows.InsertAsync(p, ct, ("WorkOrderId", id));
        // Stored as breached, as breach detection would have left them.
        foreach (var c in w.Clocks)
            await rows.InsertAsync(c, ct, ("WorkOrderId", id), ("BreachedAtUtc", History.Breached(c, now) ? c.DueUtc : null));
        if (!w.IsClosed)
            await SearchIndex.For(db).AddAsync(id, w.Number, w.Description, ct);
        if (w.Charge != Charge.Chargeable)
            return;
        var agreement = Quote(w, random);
        var agreementId = await rows.InsertAsync(agreement, ct, ("WorkOrderId", id));
        foreach (var line in agreement.Lines)
            await rows.InsertAsync(line, ct, ("RepairAgreementId", agreementId));
    }

    /// <summary>The quote of chargeable work: accepted when the history accepted it, otherwise waiting for the customer.</summary>
    static RepairAgreement Quote(WorkOrder w, Random random)
    {
        QuoteLine[] lines = [new("更换面板", 1 + random.Next(3), random.Next(50, 2_000) * 100L), new("上门服务费", 1, 20_000)];
        var by = new Actor(null, "坐席");
        var agreed = w.ClockOf(ClockKind.Restore)!.AgreedDueUtc;
        var accepted = w.Events.FirstOrDefault(e => e.Type == WorkOrderEventType.RepairAgreementAccepted);
        return agreed is { } due && accepted is not null
            ? RepairAgreement.AlreadyAccepted(w, lines, due, "客户联系人", accepted.OccurredAtUtc, by)
            : RepairAgreement.Draft(w, lines, w.ReceivedAtUtc.AddDays(5), by, w.CreatedAtUtc);
    }

    static async Task<List<Target>> TargetsAsync(IServiceProvider sp, int count, int seed, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Assets.AnyAsync(ct))
            await BulkData.GenerateAsync(sp, Math.Clamp(count / 500, 10, 2_000), seed, ct);
        var contracts = await db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var zones = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.TimeZone, ct);
        var assets = await db
            .Assets.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.CustomerId,
                a.ContractId,
            })
            .ToListAsync(ct);
        return [.. assets.Select(a => new Target(a.Id, a.CustomerId, zones[a.CustomerId], contracts[a.ContractId]))];
    }

    /// <summary>The technicians work is dispatched to; a few are created when there are none.</summary>
    static async Task<List<(string Id, string Name)>> TechniciansAsync(IServiceProvider sp, DateTime now)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var existing = await users.GetUsersInRoleAsync(Roles.Technician);
        for (var i = existing.Count; i < 10; i++)
        {
            var user = new AppUser
            {
                UserName = $"bulk-tech-{i + 1:D2}",
                DisplayName = $"工程师{i + 1:D2}",
                CreatedAtUtc = now,
            };
            // No password: these accounts exist to own work orders, not to sign in.
            if ((await users.CreateAsync(user)).Succeeded)
                await users.AddToRoleAsync(user, Roles.Technician);
        }
        return [.. (await users.GetUsersInRoleAsync(Roles.Technician)).Select(u => (u.Id, u.DisplayName ?? u.UserName ?? u.Id))];
    }

    internal static async Task SetCountersAsync(IServiceProvider sp, Dictionary<string, int> counters, CancellationToken ct)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (key, last) in counters)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DailyCounters" ("Key", "Last") VALUES ({key}, {last})
                ON CONFLICT ("Key") DO UPDATE SET "Last" = excluded."Last"
                """,
                ct
            );
        }
        await tx.CommitAsync(ct);
    }
}
