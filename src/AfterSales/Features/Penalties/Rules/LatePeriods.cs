namespace AfterSales.Features.Penalties.Rules;

/// <summary>
/// DESIGN §5, late restoration: one entry per whole or started 24-hour period between the restore
/// due time and the restoration (or now, while open). Period k begins at due + (k − 1) × 24 h and
/// is owed once the end lies strictly after its beginning, so 24 h late is one period, 24 h + 1 s
/// two, 48 h two. A restoration at the due instant itself is in time (DESIGN §4), so nothing is owed.
/// Periods are wall-clock days even on a business-hours calendar: the calendar decides the due
/// instant, not the length of a day of delay.
/// </summary>
public static class LatePeriods
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>How many periods have begun by <paramref name="endUtc"/>.</summary>
    public static int Count(DateTime dueUtc, DateTime endUtc)
    {
        if (endUtc <= dueUtc)
            return 0;
        var late = (endUtc - dueUtc).Ticks;
        return checked((int)((late + Length.Ticks - 1) / Length.Ticks));
    }

    /// <summary>The instant period <paramref name="period"/> (1, 2, 3…) begins.</summary>
    public static DateTime Start(DateTime dueUtc, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        return dueUtc + Length * (period - 1);
    }
}
