using System.Diagnostics;
using System.Globalization;
using AfterSales.Platform.Data;

namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// <c>AfterSales scan-breaches [--at INSTANT]</c>: one breach-detection pass from the command line,
/// timed — the benchmark of "breach detection with nothing due" (bench/README.md): run it twice, the
/// second pass finds nothing left to claim. <c>--at</c> (ISO 8601, UTC) runs it as of another instant.
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
        watch.Stop();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Breach detection at {time.GetUtcNow().UtcDateTime:O}: {outcome.Breached} breached, {outcome.DueSoon} due soon in {watch.Elapsed.TotalMilliseconds:0.0} ms"
        );
    }
}
