using System.Net;
using AfterSales.Features.Hotline;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Hotline;

/// <summary>
/// A resend racing its original (the phone system retries before the first answer came back) is a
/// duplicate like any other: answered 200, stored once, and nothing logged as an error for it.
/// </summary>
public sealed class CtiDuplicateRaceTests
{
    static readonly DateTimeOffset T0 = AppFactory.T0;

    [Fact]
    public async Task The_same_event_sent_many_times_at_once_is_stored_once_one_created_and_the_rest_duplicates()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);

        var answers = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(_ => HotlineWorld.SendAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-30)))
        );

        await ShouldBeOnceAsync(app, answers);
        app.Errors.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_event_sent_at_once_to_two_nodes_many_times_is_stored_once_and_no_error_is_logged()
    {
        await using var app = new AppFactory();
        var world = await HotlineWorld.ArrangeAsync(app);
        await using var node2 = app.SecondNode();
        var cti2 = await node2.ApiKeyClientAsync(Policies.LogCalls);
        // The call is there already: only the event itself races.
        await HotlineWorld.SendOkAsync(world.Cti, "e1", "c1", "ringing", T0.AddSeconds(-30));

        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 20)
                .SelectMany(_ => new[] { world.Cti, cti2 })
                .Select(c => HotlineWorld.SendAsync(c, "e2", "c1", "answered", T0.AddSeconds(-22)))
        );

        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await app.DbAsync(db => db.CallEvents.CountAsync(x => x.EventId == "e2"))).ShouldBe(1);
        (await app.DbAsync(db => db.Calls.SingleAsync(c => c.ExternalId == "c1"))).Rings.ShouldBe(2);
        app.Errors.Messages.ShouldBeEmpty();
        node2.Errors.Messages.ShouldBeEmpty();
    }

    static async Task ShouldBeOnceAsync(AppFactory app, HttpResponseMessage[] answers)
    {
        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(answers.Length - 1);
        var callIds = new HashSet<long>();
        foreach (var r in answers)
        {
            var output = await r.ReadJsonAsync<CallEventOutput>();
            output.Duplicate.ShouldBe(r.StatusCode == HttpStatusCode.OK);
            callIds.Add(output.CallId);
        }
        var call = await app.DbAsync(db => db.Calls.SingleAsync(c => c.ExternalId == "c1"));
        callIds.ShouldBe([call.Id]);
        (await app.DbAsync(db => db.CallEvents.CountAsync())).ShouldBe(1);
    }
}
