using System.Diagnostics;
using System.Globalization;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// <c>AfterSales accrue [--at INSTANT]</c>: one accrual pass from the command line, timed — the
/// benchmark of the accrual (bench/README.md). <c>--at</c> (ISO 8601, UTC) runs it as of another
/// instant, e.g. a day later, when every open late work order owes its next day.
/// </summary>
internal static class AccrualCommand
{
    sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    public static async Task<string> RunAsync(IServiceProvider sp, string? at, CancellationToken ct)
    {
        var time = at is null
            ? sp.GetRequiredService<TimeProvider>()
            : new FixedTime(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        var db = sp.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.WorkOrderClocks.IgnoreQueryFilters().CountAsync(c => c.PenaltyCheckUtc < now, ct);
        var watch = Stopwatch.StartNew();
        var cacheMiB = sp.GetRequiredService<IConfiguration>().GetValue("Penalties:AccrualCacheMiB", PenaltyAccrual.DefaultCacheMiB);
        var outcome = await new PenaltyAccrual(db, time) { CacheMiB = cacheMiB }.RunOnceAsync(ct);
        watch.Stop();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Accrual at {now:O}: {due} clocks due, {outcome.Clocks} visited, {outcome.Entries} entries written in {watch.ElapsedMilliseconds} ms"
        );
    }
}
