namespace AfterSales.Features.Hotline;

/// <summary>
/// The three-ring report's rollup: per day of the hotline's zone and agent, how many decided calls
/// there were and how many met the promise. Kept by <see cref="CallRollup"/> in the transaction of
/// every change to a call, so the report sums a few thousand rows instead of every call of its range.
/// </summary>
public sealed class CallDayTotal
{
    /// <summary>Stands for "no agent" in the key (a key column cannot be null); agents are never blank.</summary>
    public const string NoAgent = "";

    public DateOnly Day { get; private set; }
    public string Agent { get; private set; } = NoAgent;
    public long Counted { get; private set; }
    public long Met { get; private set; }

    CallDayTotal() { }
}
