using System.Diagnostics;
using System.Globalization;
using AfterSales.Platform.Data;

namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// <c>AfterSales scan-breaches [--at INSTANT]</c>: breach detection from the command line, timed — the
/// benchmark of "breach detection with nothing due" (bench/README.md). The first pass claims whatever
/// is due (and pays for opening the database and compiling the queries); the ten passes after it
/// find nothing left to claim, as the server's scanner does on most ticks, and their median and
/// slowest times are printed. <c>--at</c> (ISO 8601, UTC) runs it as of another instant.
/// </summary>
internal static class ScanCommand
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
        var detection = new BreachDetection(sp.GetRequiredService<AppDbContext>(), time, sp.GetRequiredService<IAlertSink>());
        var watch = Stopwatch.StartNew();
        var outcome = await detection.ScanOnceAsync(ct);
        var first = watch.Elapsed.TotalMilliseconds;
        var again = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            watch.Restart();
            await detection.ScanOnceAsync(ct);
            again.Add(watch.Elapsed.TotalMilliseconds);
        }
        again.Sort();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Breach detection at {time.GetUtcNow().UtcDateTime:O}: {outcome.Breached} breached, {outcome.DueSoon} due soon in {first:0.0} ms; "
                + $"then nothing due: median {again[5]:0.00} ms, slowest {again[^1]:0.00} ms (10 passes)"
        );
    }
}
