using System.Diagnostics;
using System.Globalization;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// <c>AfterSales accrue [--at INSTANT[,INSTANT…]]</c>: accrual passes from the command line, timed — the
/// benchmark of the accrual (bench/README.md). <c>--at</c> (ISO 8601, UTC) runs a pass as of another
/// instant, e.g. a day later, when every open late work order owes its next day. Several instants run
/// one pass each, in order, in one process: the later passes show what a pass costs in a running
/// server, whose background service has run passes before (code compiled, connection open).
/// </summary>
internal static class AccrualCommand
{
    sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    public static async Task RunAsync(IServiceProvider sp, string? at, TextWriter output, CancellationToken ct)
    {
        if (at is null)
        {
            await output.WriteLineAsync(await PassAsync(sp, sp.GetRequiredService<TimeProvider>(), ct));
            return;
        }
        foreach (var instant in at.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var time = new FixedTime(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            await output.WriteLineAsync(await PassAsync(sp, time, ct));
        }
    }

    static async Task<string> PassAsync(IServiceProvider sp, TimeProvider time, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.WorkOrderClocks.IgnoreQueryFilters().CountAsync(c => c.PenaltyCheckUtc < now, ct);
        var watch = Stopwatch.StartNew();
        var cacheMiB = sp.GetRequiredService<IConfiguration>().GetValue("Penalties:AccrualCacheMiB", PenaltyAccrual.DefaultCacheMiB);
        var outcome = await new PenaltyAccrual(db, time)
        {
            CacheMiB = cacheMiB,
            ReadAheadScopes = sp.GetRequiredService<IServiceScopeFactory>(),
        }.RunOnceAsync(ct);
        watch.Stop();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Accrual at {now:O}: {due} clocks due, {outcome.Clocks} visited, {outcome.Entries} entries written in {watch.ElapsedMilliseconds} ms"
        );
    }
}
