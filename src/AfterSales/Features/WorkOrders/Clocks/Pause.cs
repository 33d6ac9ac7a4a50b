namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// A stretch of wall-clock time during which a clock does not count (waiting on the customer).
/// <see cref="ToUtc"/> null means the pause is still open: the clock is stopped and its due instant unknown.
/// </summary>
public sealed record Pause
{
    public Pause(DateTime fromUtc, DateTime? toUtc = null)
    {
        FromUtc = Instants.Utc(fromUtc, nameof(fromUtc));
        ToUtc = toUtc is { } to ? Instants.Utc(to, nameof(toUtc)) : null;
        if (ToUtc < FromUtc)
            throw new ArgumentException("A pause cannot end before it begins.", nameof(toUtc));
    }

    public DateTime FromUtc { get; }
    public DateTime? ToUtc { get; }
    public bool IsOpen => ToUtc is null;
}
