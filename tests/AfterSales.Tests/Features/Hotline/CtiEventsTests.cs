using System.Net;
using AfterSales.Features.Hotline;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Hotline;

public sealed class CtiEventsTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    static Task<CallRecord> CallAsync(AppFactory app, string externalId) =>
        app.DbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.ExternalId == externalId));

    [Fact]
    public async Task Ringing_answered_and_ended_make_one_call_with_its_rings_and_the_callers_customer()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);

        var first = await HotlineWorld.SendAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-60));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await HotlineWorld.SendOkAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-45));
        await HotlineWorld.SendOkAsync(world.Cti, "e3", "c1", "ended", T0.AddSeconds(-5));

        var call = await CallAsync(app, "c1");
        call.CustomerId.ShouldBe(world.Orders.CustomerId);
        call.ContactName.ShouldBe("王老师");
        call.CallerNumber.ShouldBe("057188886666");
        call.Agent.ShouldBe("8001");
        call.Rings.ShouldBe(3);
        call.MetPromise.ShouldBe(true);
        call.Day.ShouldBe(new DateOnly(2026, 11, 25));
        call.Outcome.ShouldBe(CallOutcome.Answered);
    }

    [Fact]
    public async Task A_call_whose_first_event_has_no_number_is_identified_by_a_later_one()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);

        (await HotlineWorld.SendAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-60), caller: null)).StatusCode.ShouldBe(
            HttpStatusCode.Created
        );
        (await CallAsync(app, "c1")).CustomerId.ShouldBeNull();
        await HotlineWorld.SendOkAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-45));

        var call = await CallAsync(app, "c1");
        call.CustomerId.ShouldBe(world.Orders.CustomerId);
        call.ContactName.ShouldBe("王老师");
        call.CallerNumber.ShouldBe("057188886666");
    }

    [Fact]
    public async Task A_resent_event_is_ignored_and_answered_as_a_duplicate()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        await HotlineWorld.SendOkAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-60));
        await HotlineWorld.SendOkAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-50));
        var before = await app.SnapshotAsync();

        // The same answered event again, even with a different time: the id decides.
        var again = await HotlineWorld.SendAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-20));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadJsonAsync<CallEventOutput>()).Duplicate.ShouldBeTrue();
        (await app.SnapshotAsync()).ShouldBe(before);
        (await CallAsync(app, "c1")).AnsweredAtUtc.ShouldBe(T0.UtcDateTime.AddSeconds(-50));
    }

    [Fact]
    public async Task Events_arriving_out_of_order_give_the_same_call_as_in_order()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);

        // Ended first: for now a missed call.
        await HotlineWorld.SendOkAsync(world.Cti, "e3", "c1", "ended", T0.AddSeconds(-10));
        await HotlineWorld.SendOkAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-80));
        var missed = await CallAsync(app, "c1");
        missed.Outcome.ShouldBe(CallOutcome.Missed);
        missed.MetPromise.ShouldBe(false);

        // The late answered event turns it into a call answered after 16 s: four rings.
        await HotlineWorld.SendOkAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-64));
        var call = await CallAsync(app, "c1");
        call.Outcome.ShouldBe(CallOutcome.Answered);
        call.Rings.ShouldBe(4);
        call.MetPromise.ShouldBe(false);

        // Answered before ringing is known: undecided until the ringing arrives.
        await HotlineWorld.SendOkAsync(world.Cti, "f2", "c2", "answered", T0.AddSeconds(-30));
        (await CallAsync(app, "c2")).MetPromise.ShouldBeNull();
        await HotlineWorld.SendOkAsync(world.Cti, "f1", "c2", "ringing", T0.AddSeconds(-40));
        var second = await CallAsync(app, "c2");
        (second.Rings, second.MetPromise).ShouldBe((2, true));
    }

    [Fact]
    public async Task An_event_that_contradicts_the_calls_times_is_refused_and_nothing_changes()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        await HotlineWorld.SendOkAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-60));
        var before = await app.SnapshotAsync();

        var r = await HotlineWorld.SendAsync(world.Cti, "e2", "c1", "answered", T0.AddSeconds(-70));

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.Content.ReadAsStringAsync()).ShouldContain("接听时间不能早于振铃时间");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ak_deadbeef_not-a-real-key")]
    [InlineData("garbage")]
    public async Task An_event_without_a_valid_api_key_is_refused_and_nothing_changes(string? key)
    {
        await using var app = new AppFactory();
        await HotlineWorld.ArrangeAsync(app);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var before = await app.SnapshotAsync();

        var r = await HotlineWorld.SendAsync(client, "e1", "c1", "ringing", T0);

        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_key_without_the_calls_scope_is_forbidden_and_nothing_changes()
    {
        await using var app = new AppFactory();
        await HotlineWorld.ArrangeAsync(app);
        var other = await app.ApiKeyClientAsync(Policies.HandleWorkOrders);
        var before = await app.SnapshotAsync();

        var r = await HotlineWorld.SendAsync(other, "e1", "c1", "ringing", T0);

        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_event_missing_its_id_or_time_is_refused_with_localised_messages()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        var before = await app.SnapshotAsync();

        var r = await world.Cti.PostJsonAsync("/api/v1/calls/events", new { callId = "c1", type = "ringing" });

        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await r.Content.ReadAsStringAsync();
        body.ShouldContain("请填写事件编号");
        body.ShouldContain("请填写事件时间");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_events_sent_at_once_to_two_nodes_are_applied_exactly_once()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        await using var node2 = app.SecondNode();
        var cti2 = await node2.ApiKeyClientAsync(Policies.LogCalls);
        var events = new[] { ("e1", "ringing", -60), ("e2", "answered", -52), ("e3", "ended", -10) };

        // Every event five times on each node, all at once, in no particular order.
        var sends = Enumerable
            .Range(0, 5)
            .SelectMany(_ => events)
            .SelectMany(e =>
                new[] { world.Cti, cti2 }.Select(c => HotlineWorld.SendAsync(c, e.Item1, "c1", e.Item2, T0.AddSeconds(e.Item3)))
            )
            .ToList();
        var answers = await Task.WhenAll(sends);

        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        (await app.DbAsync(db => db.CallEvents.CountAsync())).ShouldBe(3);
        var call = await CallAsync(app, "c1");
        (call.Rings, call.MetPromise, call.Outcome).ShouldBe((2, true, CallOutcome.Answered));
    }
}
