using System.Globalization;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Holidays;

/// <summary>Where a year's working days come from, as the admin page says it.</summary>
public enum HolidayYearSource
{
    /// <summary>The State Council's notice ships with the application (ChineseHolidays.json).</summary>
    Shipped,

    /// <summary>No shipped data, but an administrator entered overrides: deadlines are final.</summary>
    Entered,

    /// <summary>Neither: Monday–Friday is assumed and deadlines are provisional.</summary>
    Missing,
}

/// <summary>One year of the holiday calendar: the shipped days, the stored overrides and what deadlines make of it.</summary>
public sealed record HolidayYearView(
    int Year,
    HolidayYearSource Source,
    IReadOnlyList<DayOverride> ShippedDays,
    List<HolidayOverride> Overrides
);

/// <summary>
/// The admin's verbs on the holiday calendar (节假日调整): add an override, enter a whole year's notice,
/// remove an override. Each checks everything before saving anything, and tells the calendars to
/// read the overrides again once saved, so the next deadline computed on this node honours them.
/// </summary>
public sealed class HolidayDesk(AppDbContext db, TimeProvider clock, CurrentUser me, ServiceCalendarProvider calendars)
{
    /// <summary>The shipped data alone: what an override corrects.</summary>
    static HolidayTable Shipped => HolidayTable.China;

    public async Task<HolidayYearView> YearAsync(int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var overrides = await db
            .HolidayOverrides.AsNoTracking()
            .Where(o => o.Date >= first && o.Date <= last)
            .OrderBy(o => o.Date)
            .ToListAsync(ct);
        var source =
            Shipped.HasData(year) ? HolidayYearSource.Shipped
            : overrides.Count > 0 ? HolidayYearSource.Entered
            : HolidayYearSource.Missing;
        return new HolidayYearView(year, source, Shipped.ListedDays(year), overrides);
    }

    public async Task<HolidayOverride> AddAsync(DateOnly date, DayKind kind, string? note, CancellationToken ct)
    {
        // "Already adjusted, remove it first" says more than any other complaint about the same day.
        await RefuseTakenAsync([date], ct);
        var entered = HolidayOverride.Enter(date, kind, note, Shipped, me.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.HolidayOverrides.Add(entered);
        await SaveAsync(ct);
        return entered;
    }

    /// <summary>
    /// A year's notice typed in (say 2027's, published in November): its days off and its weekend
    /// working days, written as the notice writes them. Days off falling on a weekend are off
    /// anyway and are not stored; every other day becomes one override.
    /// </summary>
    public async Task<List<HolidayOverride>> EnterYearAsync(int year, string? daysOff, string? workdays, string? note, CancellationToken ct)
    {
        if (year is < HolidayOverride.FirstYear or > HolidayOverride.LastYear)
            throw DomainException.For("Year", "年份应在{0}到{1}之间", HolidayOverride.FirstYear, HolidayOverride.LastYear);
        if (Shipped.HasData(year))
            throw DomainException.For("Year", "{0}年的节假日安排已随系统提供，请逐日调整", year);
        var (off, badOff) = Days(year, daysOff);
        if (badOff is not null)
            throw DomainException.For("DaysOff", "无法识别“{0}”：请写成 月-日 或 月-日..月-日，且属于{1}年", badOff, year);
        var (worked, badWorked) = Days(year, workdays);
        if (badWorked is not null)
            throw DomainException.For("Workdays", "无法识别“{0}”：请写成 月-日 或 月-日..月-日，且属于{1}年", badWorked, year);
        if (off.Count + worked.Count == 0)
            throw DomainException.For("DaysOff", "请填写放假日期或调休上班日期");
        if (off.Intersect(worked).Order().ToList() is [var both, ..])
            throw DomainException.For("Workdays", "{0}既填为放假又填为调休上班", Text(both));

        var (now, by) = (clock.GetUtcNow().UtcDateTime, me.DisplayName);
        var entered = off.Where(Shipped.IsWorkingDay)
            .Select(d => HolidayOverride.Enter(d, DayKind.DayOff, note, Shipped, by, now))
            .Concat(worked.Select(d => HolidayOverride.Enter(d, DayKind.WorkingDay, note, Shipped, by, now)))
            .OrderBy(o => o.Date)
            .ToList();
        if (entered.Count == 0)
            throw DomainException.For("DaysOff", "所填放假日期都在周末，本来就是休息日，无需调整");
        await RefuseTakenAsync([.. entered.Select(o => o.Date)], ct);
        db.HolidayOverrides.AddRange(entered);
        await SaveAsync(ct);
        return entered;
    }

    public async Task<HolidayOverride> RemoveAsync(long id, CancellationToken ct)
    {
        var found = await db.HolidayOverrides.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        db.HolidayOverrides.Remove(found);
        await SaveAsync(ct);
        return found;
    }

    /// <summary>The days a list names, or the first item that names none.</summary>
    static (HashSet<DateOnly> Days, string? Bad) Days(int year, string? text)
    {
        var days = new HashSet<DateOnly>();
        foreach (var item in DayRanges.Items(text))
        {
            if (DayRanges.Parse(year, item) is not { } parsed)
                return (days, item);
            days.UnionWith(parsed);
        }
        return (days, null);
    }

    async Task RefuseTakenAsync(List<DateOnly> dates, CancellationToken ct)
    {
        var taken = await db
            .HolidayOverrides.Where(o => dates.Contains(o.Date))
            .OrderBy(o => o.Date)
            .Select(o => o.Date)
            .Take(1)
            .ToListAsync(ct);
        if (taken is [var day])
            throw Taken(day);
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<HolidayOverride>().Any(e => e.State == EntityState.Added))
        {
            // Another administrator entered the same day a moment earlier: the unique index said no.
            var day = db.ChangeTracker.Entries<HolidayOverride>().First(e => e.State == EntityState.Added).Entity.Date;
            throw Taken(day);
        }
        calendars.Invalidate();
    }

    static DomainException Taken(DateOnly day) => DomainException.For("Date", "{0}已有调整，请先删除原有调整", Text(day));

    static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
