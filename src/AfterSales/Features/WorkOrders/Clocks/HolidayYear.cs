namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>One year's notice: days off beyond normal weekends, and weekend days that are worked (调休).</summary>
public sealed record HolidayYear
{
    public HolidayYear(int year, IReadOnlyList<DateOnly> daysOff, IReadOnlyList<DateOnly> workdays)
    {
        ArgumentNullException.ThrowIfNull(daysOff);
        ArgumentNullException.ThrowIfNull(workdays);
        if (daysOff.Concat(workdays).Where(d => d.Year != year).ToList() is [var stray, ..])
            throw new ArgumentException($"{stray:yyyy-MM-dd} does not belong to {year}.", nameof(daysOff));
        if (daysOff.Intersect(workdays).ToList() is [var day, ..])
            throw new ArgumentException($"{day:yyyy-MM-dd} is listed both as a day off and as a working day.", nameof(workdays));
        (Year, DaysOff, Workdays) = (year, daysOff, workdays);
    }

    public int Year { get; }
    public IReadOnlyList<DateOnly> DaysOff { get; }
    public IReadOnlyList<DateOnly> Workdays { get; }
}
