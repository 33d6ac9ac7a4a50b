namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>Instants are UTC everywhere; a local DateTime here would be a bug upstream, not something to guess at.</summary>
internal static class Instants
{
    public static DateTime Utc(DateTime value, string parameter) =>
        value.Kind == DateTimeKind.Local
            ? throw new ArgumentException("Instants are UTC; a local DateTime is ambiguous.", parameter)
            : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
