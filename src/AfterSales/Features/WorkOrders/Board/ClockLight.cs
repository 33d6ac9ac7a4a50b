using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Localization;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>How urgent an open clock looks on the board, from its stored instants alone.</summary>
public static class ClockLight
{
    /// <summary>The state of an open (unmet) clock at <paramref name="nowUtc"/>; a breach already recorded counts even if its due time moved.</summary>
    public static ClockState Of(DateTime? dueUtc, DateTime? dueSoonUtc, DateTime? breachedAtUtc, DateTime nowUtc) =>
        breachedAtUtc is not null ? ClockState.Breached : ClockEngine.State(dueUtc, dueSoonUtc, null, nowUtc);

    /// <summary>Breached before due soon before running before paused (a stopped clock threatens nothing).</summary>
    public static ClockState? Worst(IEnumerable<ClockState> states) => states.OrderByDescending(Rank).Cast<ClockState?>().FirstOrDefault();

    static int Rank(ClockState s) =>
        s switch
        {
            ClockState.Breached => 4,
            ClockState.DueSoon => 3,
            ClockState.Running => 2,
            ClockState.Paused => 1,
            ClockState.Met => 0,
        };

    public static string RowClass(ClockState? s) =>
        s switch
        {
            ClockState.Breached => "list-group-item-danger",
            ClockState.DueSoon => "list-group-item-warning",
            ClockState.Paused => "list-group-item-secondary",
            _ => "",
        };

    /// <summary>"剩 2 小时 15 分" before the due time, "超时 35 分" after it.</summary>
    public static string Relative(DateTime dueUtc, DateTime nowUtc)
    {
        var left = dueUtc - nowUtc;
        return left >= TimeSpan.Zero
            ? Texts.T("剩 {0}", Span((long)Math.Floor(left.TotalMinutes)))
            : Texts.T("超时 {0}", Span((long)Math.Ceiling(-left.TotalMinutes)));
    }

    static string Span(long minutes) =>
        minutes switch
        {
            >= 24 * 60 => Texts.T("{0} 天 {1} 小时", minutes / (24 * 60), minutes % (24 * 60) / 60),
            >= 60 => Texts.T("{0} 小时 {1} 分", minutes / 60, minutes % 60),
            _ => Texts.T("{0} 分", minutes),
        };
}
