using System.Net;
using AfterSales.Features.Hotline;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Hotline;

/// <summary>The report reads the rollup; it must equal the report derived from the calls themselves.</summary>
public sealed class RollupConsistencyTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task The_rollup_report_equals_the_report_from_the_calls_after_out_of_order_duplicate_concurrent_and_manual_calls()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var cti = world.Cti;
        var y = T0.AddDays(-1);
        // Ended first: missed on 8001, then rings, then a late answer by 8002 moves it to 8002 and met.
        await HotlineWorld.SendOkAsync(cti, "a3", "a", "ended", y.AddSeconds(60), "8001");
        await HotlineWorld.SendOkAsync(cti, "a1", "a", "ringing", y, "8001");
        await HotlineWorld.SendOkAsync(cti, "a2", "a", "answered", y.AddSeconds(4), "8002");
        // Answered before its ringing arrives; an earlier ringing (a transfer) makes it late.
        await HotlineWorld.SendOkAsync(cti, "b2", "b", "answered", y.AddHours(1).AddSeconds(10), "8001");
        await HotlineWorld.SendOkAsync(cti, "b1", "b", "ringing", y.AddHours(1).AddSeconds(5), "8001");
        await HotlineWorld.SendOkAsync(cti, "b0", "b", "ringing", y.AddHours(1).AddSeconds(-20), "8001");
        // Resends change nothing.
        await HotlineWorld.SendOkAsync(cti, "a2", "a", "answered", y.AddSeconds(4), "8002");
        await HotlineWorld.SendOkAsync(cti, "b0", "b", "ringing", y.AddHours(1).AddSeconds(-20), "8001");
        // Just before midnight in Shanghai: the day is the zone's, not UTC's; no agent at all.
        await HotlineWorld.SendOkAsync(cti, "c1", "c", "ringing", new DateTimeOffset(2026, 11, 24, 15, 59, 58, TimeSpan.Zero), null);
        await HotlineWorld.SendOkAsync(cti, "c3", "c", "ended", new DateTimeOffset(2026, 11, 24, 16, 0, 30, TimeSpan.Zero), null);
        // Many events of several calls at once, each sent twice, as two nodes would see them.
        var burst = Enumerable
            .Range(0, 8)
            .SelectMany(i =>
            {
                var ring = T0.AddMinutes(-40 + i);
                var call = $"p{i}";
                return new[]
                {
                    (Id: call + "r", Call: call, Type: "ringing", At: ring),
                    (Id: call + "a", Call: call, Type: "answered", At: ring.AddSeconds(i * 3)),
                    (Id: call + "e", Call: call, Type: "ended", At: ring.AddSeconds(90)),
                };
            })
            .ToList();
        var sends = burst.Concat(burst).Select(e => HotlineWorld.SendAsync(cti, e.Id, e.Call, e.Type, e.At, agent: $"80{e.Call[1] % 3}"));
        foreach (var r in await Task.WhenAll(sends))
            r.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        // Logged by hand: one answered late, one missed.
        foreach (
            var (answered, ended) in new (DateTimeOffset?, DateTimeOffset?)[]
            {
                (y.AddHours(2).AddSeconds(30), null),
                (null, y.AddHours(3).AddSeconds(20)),
            }
        )
        {
            var ring = answered?.AddSeconds(-30) ?? y.AddHours(3);
            var r = await cti.PostJsonAsync(
                "/api/v1/calls",
                new
                {
                    callerNumber = "13800138000",
                    ringingAt = ring,
                    answeredAt = answered,
                    endedAt = ended,
                }
            );
            r.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var fromRollup = await app.DbAsync(db => CallReport.RunAsync(db, from, to, CancellationToken.None));
        var calls = await app.DbAsync(db => db.Calls.AsNoTracking().Where(c => c.Day != null && c.MetPromise != null).ToListAsync());
        calls.Count.ShouldBe(13);
        fromRollup.Overall.ShouldBe(new RingShare(calls.Count, calls.Count(c => c.MetPromise == true)));
        fromRollup.Days.ShouldBe(
            calls
                .GroupBy(c => c.Day!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new DayShare(g.Key, new RingShare(g.Count(), g.Count(c => c.MetPromise == true))))
                .ToList()
        );
        fromRollup
            .Agents.OrderBy(a => a.Agent, StringComparer.Ordinal)
            .ShouldBe(
                calls
                    .GroupBy(c => c.Agent)
                    .Select(g => new AgentShare(g.Key, new RingShare(g.Count(), g.Count(c => c.MetPromise == true))))
                    .OrderBy(a => a.Agent, StringComparer.Ordinal)
                    .ToList()
            );
        fromRollup.Agents.ShouldContain(a => a.Agent == null);
    }
}
