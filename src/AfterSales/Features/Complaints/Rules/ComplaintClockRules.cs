using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Complaints.Rules;

/// <summary>
/// The complaint clocks of DESIGN §4 on the work orders' clock engine, pure. Every complaint is
/// answered within the reply window (24 h by the tender); a major one also gets a detailed
/// explanation within the same window, and that explanation commits a resolution time, which
/// becomes a clock of its own running from the explanation to the promised instant.
/// </summary>
public static class ComplaintClockRules
{
    /// <summary>The clocks that start when a complaint is received.</summary>
    public static IReadOnlyList<Clock> AtReceipt(DateTime receivedUtc, bool isMajor, TimeSpan replyWindow) =>
        isMajor
            ?
            [
                new Clock(ClockKind.ComplaintReply, receivedUtc, replyWindow),
                new Clock(ClockKind.ComplaintExplanation, receivedUtc, replyWindow),
            ]
            : [new Clock(ClockKind.ComplaintReply, receivedUtc, replyWindow)];

    /// <summary>
    /// A committed resolution time is a promise to the customer about the future: one at or
    /// before the moment it is recorded is refused. Returns the refusal (a dictionary key), or null.
    /// </summary>
    public static string? CommittedTimeProblem(DateTime committedUtc, DateTime nowUtc) =>
        committedUtc <= nowUtc ? "承诺解决时间必须晚于当前时间" : null;

    /// <summary>
    /// The resolution clock: from the explanation to the committed instant. The customer was
    /// promised a wall-clock time, so it counts every hour whatever the contract's calendar.
    /// </summary>
    public static Clock Resolution(DateTime explainedAtUtc, DateTime committedUtc)
    {
        if (committedUtc <= explainedAtUtc)
            throw new ArgumentException("The committed resolution time must follow the explanation.", nameof(committedUtc));
        return new Clock(ClockKind.ComplaintResolution, explainedAtUtc, committedUtc - explainedAtUtc);
    }

    /// <summary>The calendar a complaint clock counts on: the resolution clock always 7x24, the others the contract's.</summary>
    public static IServiceCalendar CalendarFor(ClockKind kind, IServiceCalendar contractCalendar) =>
        kind == ClockKind.ComplaintResolution ? AllHours.Instance : contractCalendar;
}
