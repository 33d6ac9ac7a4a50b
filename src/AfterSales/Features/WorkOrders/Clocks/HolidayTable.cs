namespace AfterSales.Features.WorkOrders.Clocks;

public enum DayKind
{
    DayOff,
    WorkingDay,
}

/// <summary>An admin's correction of one day, which wins over the shipped data (DESIGN §4 "admin overrides").</summary>
public sealed record DayOverride(DateOnly Date, DayKind Kind);

/// <summary>
/// Which days are worked: Monday–Friday, except statutory days off, plus weekend days worked (调休),
/// per year from the State Council's notice. A year without data counts Monday–Friday and is reported
/// by <see cref="HasData"/> so that deadlines through it are marked provisional.
/// </summary>
public sealed class HolidayTable
{
    static readonly Lazy<HolidayTable> china = new(() => FromYears(ChineseHolidayData.Load()));

    readonly Dictionary<DateOnly, DayKind> exceptions;
    readonly HashSet<int> years;

    // The exceptions as sorted day numbers, so that a lookup is a binary search and the engine can
    // ask how many ordinary days follow (to skip whole weeks).
    readonly int[] dayNumbers;
    readonly bool[] worked;

    HolidayTable(Dictionary<DateOnly, DayKind> exceptions, HashSet<int> years)
    {
        (this.exceptions, this.years) = (exceptions, years);
        var ordered = exceptions.OrderBy(e => e.Key).ToArray();
        dayNumbers = [.. ordered.Select(e => e.Key.DayNumber)];
        worked = [.. ordered.Select(e => e.Value == DayKind.WorkingDay)];
    }

    /// <summary>Mainland China 2024–2026 as shipped in ChineseHolidays.json.</summary>
    public static HolidayTable China => china.Value;

    /// <summary>No year has data: Monday–Friday everywhere, every deadline provisional.</summary>
    public static HolidayTable Empty { get; } = new([], []);

    public static HolidayTable FromYears(IEnumerable<HolidayYear> years) => Empty.WithYears(years);

    public IReadOnlyCollection<int> YearsWithData => years;

    /// <summary>A year entered (say the next year's notice) replaces whatever the table had for it.</summary>
    public HolidayTable WithYears(IEnumerable<HolidayYear> entered)
    {
        ArgumentNullException.ThrowIfNull(entered);
        var (days, known) = (new Dictionary<DateOnly, DayKind>(exceptions), new HashSet<int>(years));
        foreach (var year in entered)
        {
            if (!known.Add(year.Year))
                foreach (var old in days.Keys.Where(d => d.Year == year.Year).ToList())
                    days.Remove(old);
            foreach (var day in year.DaysOff)
                days[day] = DayKind.DayOff;
            foreach (var day in year.Workdays)
                days[day] = DayKind.WorkingDay;
        }
        return new(days, known);
    }

    /// <summary>Overrides win over the shipped data; by themselves they do not make a year "known".</summary>
    public HolidayTable WithOverrides(IEnumerable<DayOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new(Overridden(overrides), new HashSet<int>(years));
    }

    /// <summary>
    /// The administrator's overrides as stored (节假日调整): each wins over the shipped data for its day,
    /// as <see cref="WithOverrides"/>; in addition every year holding one counts as entered by an
    /// administrator, so deadlines through it are no longer provisional. That is how the next year's
    /// notice is entered before a release ships it: its days off on weekdays and its weekend working
    /// days, one override each.
    /// </summary>
    public HolidayTable WithAdminOverrides(IEnumerable<DayOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var list = overrides.ToList();
        return new(Overridden(list), [.. years, .. list.Select(o => o.Date.Year)]);
    }

    Dictionary<DateOnly, DayKind> Overridden(IEnumerable<DayOverride> overrides)
    {
        var days = new Dictionary<DateOnly, DayKind>(exceptions);
        foreach (var group in overrides.GroupBy(o => o.Date))
        {
            if (group.Select(o => o.Kind).Distinct().Count() > 1)
                throw new ArgumentException(
                    $"{group.Key:yyyy-MM-dd} is overridden both as a day off and as a working day.",
                    nameof(overrides)
                );
            days[group.Key] = group.First().Kind;
        }
        return days;
    }

    /// <summary>The days of <paramref name="year"/> that the table lists (days off, weekend days worked), in date order.</summary>
    public IReadOnlyList<DayOverride> ListedDays(int year) =>
        [.. exceptions.Where(e => e.Key.Year == year).OrderBy(e => e.Key).Select(e => new DayOverride(e.Key, e.Value))];

    public bool HasData(int year) => years.Contains(year);

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(date.DayNumber);

    internal bool IsWorkingDay(int dayNumber)
    {
        var i = Array.BinarySearch(dayNumbers, dayNumber);
        // Day number 0 (0001-01-01) was a Monday, so day % 7 counts Monday = 0 … Sunday = 6.
        return i >= 0 ? worked[i] : dayNumber % 7 < 5;
    }

    /// <summary>The first day on or after <paramref name="dayNumber"/> that is not an ordinary weekday/weekend.</summary>
    internal int NextExceptionOnOrAfter(int dayNumber)
    {
        var i = Array.BinarySearch(dayNumbers, dayNumber);
        if (i < 0)
            i = ~i;
        return i < dayNumbers.Length ? dayNumbers[i] : int.MaxValue;
    }
}
