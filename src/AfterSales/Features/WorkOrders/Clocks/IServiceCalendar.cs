namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// When service time counts (DESIGN §4 "service calendar"): every hour (7x24) or working hours only.
/// Pauses are not the calendar's business; <see cref="ClockEngine"/> cuts them out.
/// </summary>
public interface IServiceCalendar
{
    /// <summary>
    /// The first instant at which <paramref name="serviceTime"/> of working time has elapsed since
    /// <paramref name="fromUtc"/>. Work that completes exactly at the end of a working period is due at
    /// that end instant (12:00), not at the start of the next period (13:30).
    /// </summary>
    DateTime Advance(DateTime fromUtc, TimeSpan serviceTime);

    /// <summary>Working time inside [<paramref name="fromUtc"/>, <paramref name="toUtc"/>); zero when empty.</summary>
    TimeSpan WorkingTime(DateTime fromUtc, DateTime toUtc);

    /// <summary>Years touched by [from, to] (in the calendar's zone) that count on the Monday–Friday fallback.</summary>
    IReadOnlyList<int> YearsWithoutData(DateTime fromUtc, DateTime toUtc);
}
