using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// The calendar a work order's clocks run on: the contract's kind in the customer's zone, over the
/// shipped holidays plus the administrator's overrides (节假日调整) stored in the database.
/// <para>
/// The overrides are cached per application node. A change made on this node takes effect at once
/// (<see cref="Invalidate"/>, called by whoever saved it); every node also reads the table again when
/// its copy is older than <see cref="RefreshAfter"/>, so a change made on another node reaches it
/// within that time. The table holds a few dozen rows: reading it is one small query every few
/// seconds at most, and only when a business-hours calendar is asked for.
/// </para>
/// </summary>
public sealed class ServiceCalendarProvider(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    sealed record Loaded(HolidayTable Holidays, long Timestamp, long Generation);

    readonly SemaphoreSlim reloading = new(1, 1);
    Loaded? loaded;
    long generation;

    public async ValueTask<IServiceCalendar> ForAsync(ServiceCalendarKind kind, string? timeZone, CancellationToken ct)
    {
        // 7x24 needs no holidays: the common case never waits for the table.
        var holidays = kind == ServiceCalendarKind.BusinessHours ? await HolidaysAsync(ct) : HolidayTable.China;
        return ServiceCalendars.For(kind, holidays, Display.Zone(timeZone));
    }

    public ValueTask<IServiceCalendar> ForAsync(WorkOrder w, CancellationToken ct) => ForAsync(w.Calendar, w.TimeZone, ct);

    /// <summary>The shipped Chinese holidays with the stored overrides applied (<see cref="HolidayTable.WithAdminOverrides"/>).</summary>
    public async ValueTask<HolidayTable> HolidaysAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref loaded)) is { } cached)
            return cached;
        await reloading.WaitAsync(ct);
        try
        {
            if (Fresh(loaded) is { } loadedMeanwhile)
                return loadedMeanwhile;
            // Taken before reading: an invalidation during the read leaves this copy stale, so it is read again next time.
            var (started, stamp) = (Interlocked.Read(ref generation), clock.GetTimestamp());
            await using var scope = scopes.CreateAsyncScope();
            var overrides = await scope
                .ServiceProvider.GetRequiredService<AppDbContext>()
                .HolidayOverrides.AsNoTracking()
                .Select(o => new DayOverride(o.Date, o.Kind))
                .ToListAsync(ct);
            var holidays = HolidayTable.China.WithAdminOverrides(overrides);
            Volatile.Write(ref loaded, new Loaded(holidays, stamp, started));
            return holidays;
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>The stored overrides changed (on this node): the next calendar reads them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    public void Dispose() => reloading.Dispose();

    HolidayTable? Fresh(Loaded? copy) =>
        copy is not null && copy.Generation == Interlocked.Read(ref generation) && clock.GetElapsedTime(copy.Timestamp) < RefreshAfter
            ? copy.Holidays
            : null;
}
