using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders.Clocks;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>DESIGN §4: complaint reply, explanation (major) and committed resolution clocks, on the work orders' engine.</summary>
public sealed class ComplaintClockRulesTests
{
    static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Theory]
    [InlineData(false, new[] { ClockKind.ComplaintReply })]
    [InlineData(true, new[] { ClockKind.ComplaintReply, ClockKind.ComplaintExplanation })]
    public void A_complaint_starts_a_reply_clock_and_a_major_one_an_explanation_clock_too(bool major, ClockKind[] expected)
    {
        var clocks = ComplaintClockRules.AtReceipt(Beijing("2026-11-25 10:00"), major, Day);

        clocks.Select(c => c.Kind).ShouldBe(expected);
        clocks.ShouldAllBe(c => c.StartedUtc == Beijing("2026-11-25 10:00") && c.Window == Day);
    }

    // Received Wednesday 10:00 Beijing time, 24 hours 7x24: due Thursday 10:00:00; due soon from 04:00.
    [Theory]
    [InlineData(null, "2026-11-25 22:00", ClockState.Running)]
    [InlineData(null, "2026-11-26 04:00", ClockState.DueSoon)]
    [InlineData(null, "2026-11-26 10:00:00", ClockState.DueSoon)]
    [InlineData(null, "2026-11-26 10:00:01", ClockState.Breached)]
    [InlineData("2026-11-26 10:00:00", "2026-11-27 10:00", ClockState.Met)]
    [InlineData("2026-11-26 10:00:01", "2026-11-27 10:00", ClockState.Breached)]
    [InlineData("2026-11-25 11:30", "2026-11-25 12:00", ClockState.Met)]
    public void The_reply_clock_is_met_by_a_reply_at_or_before_24_hours(string? repliedAt, string now, ClockState expected)
    {
        var clock = new Clock(
            ClockKind.ComplaintReply,
            Beijing("2026-11-25 10:00"),
            Day,
            null,
            repliedAt is null ? null : Beijing(repliedAt)
        );

        var at = clock.At(Beijing(now), AllHours.Instance);

        at.State.ShouldBe(expected);
        InBeijing(at.Due!.DueUtc).ShouldBe("2026-11-26 10:00:00");
    }

    [Theory]
    [InlineData("2026-11-25 10:00", "2026-11-25 10:00", true)]
    [InlineData("2026-11-25 09:59", "2026-11-25 10:00", true)]
    [InlineData("2026-11-25 10:01", "2026-11-25 10:00", false)]
    [InlineData("2026-12-02 18:00", "2026-11-25 10:00", false)]
    public void A_committed_resolution_time_must_lie_in_the_future(string committed, string now, bool refused)
    {
        var problem = ComplaintClockRules.CommittedTimeProblem(Beijing(committed), Beijing(now));

        (problem is not null).ShouldBe(refused);
        if (refused)
            problem.ShouldBe("承诺解决时间必须晚于当前时间");
    }

    // Explained Wednesday 14:00, committed to Friday 18:00: 52 hours, due soon at 75% (Friday 05:00).
    [Theory]
    [InlineData(null, "2026-11-26 12:00", ClockState.Running)]
    [InlineData(null, "2026-11-27 05:00", ClockState.DueSoon)]
    [InlineData(null, "2026-11-27 18:00:00", ClockState.DueSoon)]
    [InlineData(null, "2026-11-27 18:00:01", ClockState.Breached)]
    [InlineData("2026-11-27 17:59", "2026-11-28 09:00", ClockState.Met)]
    [InlineData("2026-11-27 18:00:00", "2026-11-28 09:00", ClockState.Met)]
    [InlineData("2026-11-27 18:00:01", "2026-11-28 09:00", ClockState.Breached)]
    public void The_committed_resolution_time_is_a_clock_of_its_own_and_breaches_when_passed(
        string? resolvedAt,
        string now,
        ClockState expected
    )
    {
        var clock = ComplaintClockRules.Resolution(Beijing("2026-11-25 14:00"), Beijing("2026-11-27 18:00"));
        var met = new Clock(clock.Kind, clock.StartedUtc, clock.Window, null, resolvedAt is null ? null : Beijing(resolvedAt));

        var at = met.At(Beijing(now), ComplaintClockRules.CalendarFor(ClockKind.ComplaintResolution, AllHours.Instance));

        clock.Kind.ShouldBe(ClockKind.ComplaintResolution);
        at.State.ShouldBe(expected);
        InBeijing(at.Due!.DueUtc).ShouldBe("2026-11-27 18:00:00");
        InBeijing(at.DueSoonUtc).ShouldBe("2026-11-27 05:00:00");
    }

    [Fact]
    public void The_resolution_clock_counts_every_hour_even_on_a_business_hours_contract()
    {
        var office = BusinessHours.China(HolidayTable.China, Shanghai);

        ComplaintClockRules.CalendarFor(ClockKind.ComplaintResolution, office).ShouldBeSameAs(AllHours.Instance);
        ComplaintClockRules.CalendarFor(ClockKind.ComplaintReply, office).ShouldBeSameAs(office);
    }

    [Fact]
    public void A_committed_time_before_the_explanation_makes_no_clock()
    {
        Should.Throw<ArgumentException>(() => ComplaintClockRules.Resolution(Beijing("2026-11-25 14:00"), Beijing("2026-11-25 13:00")));
    }
}
