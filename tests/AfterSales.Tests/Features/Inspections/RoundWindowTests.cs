using System.Net;
using AfterSales.Features.Inspections;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// A round is done inside its window or not at all: winter 2026 opens at midnight starting
/// 1 December in Shanghai (16:00 UTC on 30 November) and closes at midnight after 28 February 2027
/// (16:00 UTC that day). A round checked in but never checked out is missed like one never started.
/// </summary>
public sealed class RoundWindowTests
{
    static readonly DateTimeOffset Opens = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Closes = new(2027, 2, 28, 16, 0, 0, TimeSpan.Zero);

    static Task<RoundStatus> StatusAsync(AppFactory app, long id) =>
        app.DbAsync(db => db.InspectionRounds.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task A_round_checked_in_but_never_checked_out_is_missed_when_the_window_ends()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        await a.InspectAsync(app, FindingResult.Ok);
        await a.SignAsync();
        app.Clock.SetUtcNow(Closes.AddSeconds(-1));
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(0);
        (await StatusAsync(app, a.RoundId)).ShouldBe(RoundStatus.InProgress);

        app.Clock.SetUtcNow(Closes);
        (await InspectionArrange.DetectMissedAsync(app)).ShouldBe(2);

        var round = await app.DbAsync(db => db.InspectionRounds.AsNoTracking().SingleAsync(r => r.Id == a.RoundId));
        (round.Status, round.MissedAtUtc).ShouldBe((RoundStatus.Missed, Closes.UtcDateTime));
        round.CheckInAtUtc.ShouldNotBeNull();
        // Months later: a new sign-in (a supervisor may record for the technician).
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();
        var late = await dispatcher.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("巡检已错过");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await StatusAsync(app, a.RoundId)).ShouldBe(RoundStatus.Missed);
    }

    [Fact]
    public async Task After_the_window_closed_completion_is_refused_even_before_the_missed_pass_ran()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        await a.InspectAsync(app, FindingResult.Ok);
        await a.SignAsync();
        app.Clock.SetUtcNow(Closes.AddMinutes(5));
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();

        foreach (var occurredAt in new DateTimeOffset?[] { null, Closes.AddMinutes(-30) })
        {
            var late = await dispatcher.PostJsonAsync(
                $"/api/v1/inspection-rounds/{a.RoundId}/complete",
                new { satisfaction = 5, occurredAt }
            );
            late.StatusCode.ShouldBe(HttpStatusCode.Conflict, await late.Content.ReadAsStringAsync());
            (await late.Content.ReadAsStringAsync()).ShouldContain("巡检窗口已结束，不能签退");
        }

        (await app.SnapshotAsync()).ShouldBe(before);
        var round = await app.DbAsync(db => db.InspectionRounds.AsNoTracking().SingleAsync(r => r.Id == a.RoundId));
        (round.Status, round.CheckOutAtUtc, round.Satisfaction).ShouldBe((RoundStatus.InProgress, null, null));
    }

    [Fact]
    public async Task After_the_window_closed_check_in_is_refused_even_before_the_missed_pass_ran()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        app.Clock.SetUtcNow(Closes.AddMinutes(5));
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var before = await app.SnapshotAsync();

        var late = await dispatcher.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/check-in",
            new { occurredAt = Closes.AddMinutes(-30) }
        );

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict, await late.Content.ReadAsStringAsync());
        (await late.Content.ReadAsStringAsync()).ShouldContain("巡检窗口已结束，不能签到");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await StatusAsync(app, a.RoundId)).ShouldBe(RoundStatus.Scheduled);
    }

    [Fact]
    public async Task A_check_in_or_check_out_time_before_the_window_opens_is_refused()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var before = await app.SnapshotAsync();
        var early = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/check-in",
            new { occurredAt = Opens.AddSeconds(-1) }
        );
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await early.Content.ReadAsStringAsync());
        (await early.Content.ReadAsStringAsync()).ShouldContain("签到时间不能早于巡检窗口开始");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await StatusAsync(app, a.RoundId)).ShouldBe(RoundStatus.Scheduled);

        // The first instant of the window is in it.
        var onTime = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { occurredAt = Opens });
        onTime.StatusCode.ShouldBe(HttpStatusCode.OK, await onTime.Content.ReadAsStringAsync());
        foreach (var item in await a.ChecklistAsync(app))
        {
            var posted = await a.Technician.PostJsonAsync(
                $"/api/v1/inspection-rounds/{a.RoundId}/findings",
                new
                {
                    assetId = a.World.AssetId,
                    checklistItemId = item.Id,
                    result = "Ok",
                }
            );
            posted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        await a.SignAsync();
        before = await app.SnapshotAsync();

        var earlyOut = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/complete",
            new { satisfaction = 5, occurredAt = Opens.AddSeconds(-1) }
        );

        earlyOut.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await earlyOut.Content.ReadAsStringAsync());
        (await earlyOut.Content.ReadAsStringAsync()).ShouldContain("签退时间不能早于巡检窗口开始");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await StatusAsync(app, a.RoundId)).ShouldBe(RoundStatus.InProgress);
    }
}
