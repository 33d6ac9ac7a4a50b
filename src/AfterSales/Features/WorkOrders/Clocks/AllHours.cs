namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>7x24 (DESIGN §2 promise 6, the default calendar): every wall-clock second is service time.</summary>
public sealed class AllHours : IServiceCalendar
{
    public static AllHours Instance { get; } = new();

    AllHours() { }

    public DateTime Advance(DateTime fromUtc, TimeSpan serviceTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceTime, TimeSpan.Zero);
        return Instants.Utc(fromUtc, nameof(fromUtc)) + serviceTime;
    }

    public TimeSpan WorkingTime(DateTime fromUtc, DateTime toUtc) =>
        toUtc > fromUtc ? Instants.Utc(toUtc, nameof(toUtc)) - Instants.Utc(fromUtc, nameof(fromUtc)) : TimeSpan.Zero;

    public IReadOnlyList<int> YearsWithoutData(DateTime fromUtc, DateTime toUtc) => [];
}
