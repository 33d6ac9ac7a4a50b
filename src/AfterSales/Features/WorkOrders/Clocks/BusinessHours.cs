namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// Working hours on working days in the customer's zone (DESIGN §4, the optional calendar): several
/// periods a day (a lunch break between them), Monday–Friday per <see cref="HolidayTable"/>.
/// Arithmetic steps period by period and skips whole ordinary weeks, never minute by minute.
/// </summary>
public sealed class BusinessHours : IServiceCalendar
{
    const string ChinaZone = "Asia/Shanghai";

    // Two offset changes less than four weeks apart are unknown in the tz database, so equal offsets at
    // both ends of a skipped stretch this short mean none happened inside it.
    const int MaxWeeksPerSkip = 4;

    readonly long[] startTicks;
    readonly long[] endTicks;
    readonly long weekTicks;
    readonly ZoneOffsets offsets;

    public BusinessHours(TimeZoneInfo timeZone, IEnumerable<WorkingPeriod> periods, HolidayTable holidays)
    {
        ArgumentNullException.ThrowIfNull(periods);
        (TimeZone, Holidays) = (
            timeZone ?? throw new ArgumentNullException(nameof(timeZone)),
            holidays ?? throw new ArgumentNullException(nameof(holidays))
        );
        Periods = [.. periods.OrderBy(p => p.Start)];
        if (Periods.Count == 0)
            throw new ArgumentException("A business-hours calendar needs at least one working period.", nameof(periods));
        for (var i = 1; i < Periods.Count; i++)
            if (Periods[i].Start < Periods[i - 1].End)
                throw new ArgumentException($"Working periods {Periods[i - 1]} and {Periods[i]} overlap.", nameof(periods));
        startTicks = [.. Periods.Select(p => p.Start.Ticks)];
        endTicks = [.. Periods.Select(p => p.End.Ticks)];
        weekTicks = 5 * Periods.Sum(p => p.Length.Ticks);
        offsets = new ZoneOffsets(TimeZone);
    }

    /// <summary>The tender's office hours: 08:30–12:00 and 13:30–17:30.</summary>
    public static IReadOnlyList<WorkingPeriod> DefaultPeriods { get; } =
    [new(new TimeOnly(8, 30), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(17, 30))];

    /// <summary>Chinese working days in Asia/Shanghai unless told otherwise.</summary>
    public static BusinessHours China(
        HolidayTable? holidays = null,
        TimeZoneInfo? timeZone = null,
        IEnumerable<WorkingPeriod>? periods = null
    ) => new(timeZone ?? TimeZoneInfo.FindSystemTimeZoneById(ChinaZone), periods ?? DefaultPeriods, holidays ?? HolidayTable.China);

    public TimeZoneInfo TimeZone { get; }
    public IReadOnlyList<WorkingPeriod> Periods { get; }
    public HolidayTable Holidays { get; }

    public DateTime Advance(DateTime fromUtc, TimeSpan serviceTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceTime, TimeSpan.Zero);
        var from = Instants.Utc(fromUtc, nameof(fromUtc)).Ticks;
        var remaining = serviceTime.Ticks;
        if (remaining == 0)
            return new DateTime(from, DateTimeKind.Utc);
        for (var (day, first) = (LocalDay(from), true); ; day++, first = false)
        {
            if (!first)
            {
                // "- 1": a window that ends exactly with a skipped week must end at that week's last period.
                var weeks = SkippableWeeks(day, (remaining - 1) / weekTicks);
                (remaining, day) = (remaining - weeks * weekTicks, day + 7 * weeks);
            }
            if (!Holidays.IsWorkingDay(day))
                continue;
            var periods = new DayPeriods(this, day);
            for (var i = 0; i < startTicks.Length; i++)
            {
                var (start, end) = periods.Utc(i);
                start = Math.Max(start, from);
                if (end <= start)
                    continue;
                if (remaining <= end - start)
                    return new DateTime(start + remaining, DateTimeKind.Utc);
                remaining -= end - start;
            }
        }
    }

    public TimeSpan WorkingTime(DateTime fromUtc, DateTime toUtc)
    {
        var (from, to) = (Instants.Utc(fromUtc, nameof(fromUtc)).Ticks, Instants.Utc(toUtc, nameof(toUtc)).Ticks);
        if (to <= from)
            return TimeSpan.Zero;
        var (last, total) = (LocalDay(to), 0L);
        for (var (day, first) = (LocalDay(from), true); day <= last; day++, first = false)
        {
            if (!first)
            {
                // Only days wholly inside (from, to): after the first day and before the last.
                var weeks = SkippableWeeks(day, (last - day) / 7);
                (total, day) = (total + weeks * weekTicks, day + 7 * weeks);
            }
            if (!Holidays.IsWorkingDay(day))
                continue;
            var periods = new DayPeriods(this, day);
            for (var i = 0; i < startTicks.Length; i++)
            {
                var (start, end) = periods.Utc(i);
                total += Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
            }
        }
        return TimeSpan.FromTicks(total);
    }

    public IReadOnlyList<int> YearsWithoutData(DateTime fromUtc, DateTime toUtc)
    {
        var first = DateOnly.FromDayNumber(LocalDay(Instants.Utc(fromUtc, nameof(fromUtc)).Ticks)).Year;
        var last = DateOnly.FromDayNumber(LocalDay(Instants.Utc(toUtc, nameof(toUtc)).Ticks)).Year;
        if (first == last)
            return Holidays.HasData(first) ? [] : [first];
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Where(y => !Holidays.HasData(y))];
    }

    /// <summary>
    /// How many whole weeks from <paramref name="day"/> on (at most <paramref name="wanted"/>) hold only
    /// ordinary days, five of them worked, under one UTC offset: each then contributes exactly five days' work.
    /// </summary>
    int SkippableWeeks(int day, long wanted)
    {
        var ordinaryWeeks = ((long)Holidays.NextExceptionOnOrAfter(day) - day) / 7;
        var weeks = (int)Math.Min(Math.Min(wanted, ordinaryWeeks), MaxWeeksPerSkip);
        while (weeks > 0 && Offset(Midnight(day)) != Offset(Midnight(day + 7 * weeks)))
            weeks = weeks > 1 ? 1 : 0;
        return weeks;
    }

    int LocalDay(long utcTicks) => (int)((utcTicks + offsets.AtUtc(utcTicks)) / TimeSpan.TicksPerDay);

    static long Midnight(long day) => day * TimeSpan.TicksPerDay;

    long Offset(long localTicks) => offsets.AtLocal(localTicks);

    /// <summary>One day's periods in UTC ticks; one offset lookup per day unless the offset changes that day.</summary>
    readonly struct DayPeriods
    {
        readonly BusinessHours calendar;
        readonly long midnight;
        readonly long offset;
        readonly bool offsetChanges;

        public DayPeriods(BusinessHours calendar, int day)
        {
            (this.calendar, midnight) = (calendar, Midnight(day));
            offset = calendar.Offset(midnight + calendar.startTicks[0]);
            offsetChanges = offset != calendar.Offset(midnight + calendar.endTicks[^1]);
        }

        public (long Start, long End) Utc(int period) => (ToUtc(calendar.startTicks[period]), ToUtc(calendar.endTicks[period]));

        long ToUtc(long timeOfDay) => midnight + timeOfDay - (offsetChanges ? calendar.Offset(midnight + timeOfDay) : offset);
    }
}
