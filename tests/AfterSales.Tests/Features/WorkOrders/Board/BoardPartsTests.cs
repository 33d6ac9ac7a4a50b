using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class BoardPartsTests
{
    static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(135, "剩 2 小时 15 分")]
    [InlineData(59, "剩 59 分")]
    [InlineData(0, "剩 0 分")]
    [InlineData(-35, "超时 35 分")]
    [InlineData(-(26 * 60 + 5), "超时 1 天 2 小时")]
    public void The_relative_time_says_how_long_is_left_or_how_long_overdue(int minutes, string text) =>
        ClockLight.Relative(Now.AddMinutes(minutes), Now).ShouldBe(text);

    [Fact]
    public void A_recorded_breach_counts_even_while_the_clock_is_paused()
    {
        ClockLight.Of(null, null, Now.AddHours(-1), Now).ShouldBe(ClockState.Breached);
        ClockLight.Of(null, null, null, Now).ShouldBe(ClockState.Paused);
        ClockLight.Of(Now.AddHours(1), Now.AddMinutes(-1), null, Now).ShouldBe(ClockState.DueSoon);
        ClockLight.Of(Now, Now.AddHours(-1), null, Now).ShouldBe(ClockState.DueSoon); // due at this very instant is still in time
    }

    [Fact]
    public void The_worst_state_wins_and_a_paused_clock_threatens_least()
    {
        ClockLight.Worst([ClockState.Paused, ClockState.Running]).ShouldBe(ClockState.Running);
        ClockLight.Worst([ClockState.Running, ClockState.Breached, ClockState.DueSoon]).ShouldBe(ClockState.Breached);
        ClockLight.Worst([]).ShouldBeNull();
    }

    [Fact]
    public void A_page_key_reads_back_what_it_wrote()
    {
        var dated = new BoardCursor(Now, 42);
        BoardCursor.Parse(dated.ToString()).ShouldBe(dated);
        BoardCursor.Parse(new BoardCursor(null, 7).ToString()).ShouldBe(new BoardCursor(null, 7));
        BoardCursor.Parse(null).ShouldBeNull();
        BoardCursor.Parse("-5").ShouldBeNull();
    }
}
