namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// One stretch of a working day in the customer's local time, e.g. 08:30–12:00. Periods stay inside one
/// day (no night shifts), so a day's periods never reach into the next day.
/// </summary>
public sealed record WorkingPeriod
{
    public WorkingPeriod(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
            throw new ArgumentException($"A working period must end after it starts ({start:HH:mm}–{end:HH:mm}).", nameof(end));
        (Start, End) = (start, end);
    }

    public TimeOnly Start { get; }
    public TimeOnly End { get; }
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Start:HH:mm}–{End:HH:mm}";
}
