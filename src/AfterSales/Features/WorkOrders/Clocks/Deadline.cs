namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// A computed due instant. DESIGN §4: a year without holiday data falls back to Monday–Friday
/// "and says so on every deadline it computes" — <see cref="MissingYears"/> names those years.
/// </summary>
public sealed record Deadline(DateTime DueUtc, IReadOnlyList<int> MissingYears)
{
    public bool Provisional => MissingYears.Count > 0;
}
