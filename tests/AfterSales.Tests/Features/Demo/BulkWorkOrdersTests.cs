using System.Net;
using AfterSales.Features.Demo;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Agreements;
using AfterSales.Features.WorkOrders.Breaches;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Demo;

public sealed class BulkWorkOrdersTests
{
    [Fact]
    public async Task Generating_2000_work_orders_leaves_consistent_numbers_clocks_breaches_and_counters()
    {
        await using var app = new AppFactory();
        using (var scope = app.Services.CreateScope())
            (await BulkWorkOrders.GenerateAsync(scope.ServiceProvider, 2_000, 7, CancellationToken.None)).ShouldBe(
                "Generated 2000 work orders."
            );

        await app.DbAsync(async db =>
        {
            var orders = await db
                .WorkOrders.AsNoTracking()
                .Select(w => new
                {
                    w.Id,
                    w.Number,
                    w.Status,
                    w.Charge,
                    w.RepairAgreementAccepted,
                })
                .ToListAsync();
            orders.Count.ShouldBe(2_000);
            orders.Select(w => w.Number).Distinct().Count().ShouldBe(2_000);
            orders.ShouldContain(w => w.Status == WorkOrderStatus.Closed);
            orders.ShouldContain(w => w.Status != WorkOrderStatus.Closed);

            var clocks = await db.WorkOrderClocks.AsNoTracking().ToListAsync();
            clocks
                .GroupBy(c => c.WorkOrderId)
                .ShouldAllBe(g => g.Any(c => c.Kind == ClockKind.Response) && g.Any(c => c.Kind == ClockKind.Restore));
            clocks.GroupBy(c => c.WorkOrderId).Count().ShouldBe(2_000);
            var breached = clocks.Where(c => c.BreachedAtUtc != null).ToList();
            breached.ShouldNotBeEmpty();
            breached.ShouldAllBe(c => c.BreachedAtUtc == c.DueUtc);
            (await db.WorkOrderEvents.CountAsync(e => e.Type == WorkOrderEventType.ClockBreached)).ShouldBe(breached.Count);
            (await db.WorkOrders.CountAsync(w => w.Pauses.Any())).ShouldBeGreaterThan(0);

            // Every chargeable work order has its quote, accepted exactly when the work order says so.
            var agreements = await db.Agreements.AsNoTracking().ToDictionaryAsync(a => a.WorkOrderId);
            foreach (var w in orders.Where(w => w.Charge == Charge.Chargeable))
                (agreements[w.Id].Status == AgreementStatus.Accepted).ShouldBe(w.RepairAgreementAccepted);

            // The counters continue the numbering: each day's counter is its highest number.
            var counters = await db.DailyCounters.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Last);
            var highest = orders
                .GroupBy(w => w.Number[..11])
                .ToDictionary(g => g.Key, g => g.Max(w => int.Parse(w.Number[12..], System.Globalization.CultureInfo.InvariantCulture)));
            counters.ShouldBe(highest, ignoreOrder: true);
            highest.ShouldAllBe(kv => kv.Value == orders.Count(w => w.Number.StartsWith(kv.Key, StringComparison.Ordinal)));
        });

        // Breach detection finds nothing left to breach: generated breaches are stored as breached.
        using (var scope = app.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(CancellationToken.None)).Breached.ShouldBe(0);

        // A new intake today continues today's numbering.
        var customerId = await app.DbAsync(db => db.Customers.Select(c => c.Id).FirstAsync());
        var agent = await app.SignInAsync(Roles.Agent);
        var r = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId,
                channel = "Hotline",
                description = "灯箱不亮",
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Created);
        var today = await app.DbAsync(db => db.DailyCounters.SingleAsync(c => c.Key == "GD-20261125"));
        (await r.ReadJsonAsync<WorkOrderOutput>()).Number.ShouldBe($"GD-20261125-{today.Last:D4}");
    }
}
