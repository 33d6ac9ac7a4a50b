using AfterSales.Features.WorkOrders.Clocks;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// One deadline of each common shape (DESIGN §4 defaults: response 4 h, restore 48 h). Work-order lists and
/// breach detection compute many of these, so one must cost microseconds, not a minute-by-minute walk.
/// </summary>
[MemoryDiagnoser]
public class ClockEngineBenchmarks
{
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // A Friday afternoon before the 2026 National Day: weekend, holiday and a 调休 Saturday all in the way.
    static readonly DateTime Received = Beijing(2026, 9, 24, 15, 10);

    readonly BusinessHours office = BusinessHours.China();

    readonly Pause[] threePauses =
    [
        new(Beijing(2026, 9, 24, 16, 0), Beijing(2026, 9, 24, 17, 0)),
        new(Beijing(2026, 9, 28, 11, 0), Beijing(2026, 9, 29, 9, 0)),
        new(Beijing(2026, 9, 30, 14, 0), Beijing(2026, 10, 8, 10, 0)),
    ];

    [Benchmark(Baseline = true)]
    public Deadline? AllHours4h() => ClockEngine.Due(Received, TimeSpan.FromHours(4), AllHours.Instance);

    [Benchmark]
    public Deadline? BusinessHours4h() => ClockEngine.Due(Received, TimeSpan.FromHours(4), office);

    [Benchmark]
    public Deadline? BusinessHours48h() => ClockEngine.Due(Received, TimeSpan.FromHours(48), office);

    [Benchmark]
    public Deadline? BusinessHours48hThreePauses() => ClockEngine.Due(Received, TimeSpan.FromHours(48), office, threePauses);

    [Benchmark]
    public Deadline? AllHours48hThreePauses() => ClockEngine.Due(Received, TimeSpan.FromHours(48), AllHours.Instance, threePauses);

    [Benchmark]
    public ClockSnapshot RestoreClockSnapshot() =>
        new Clock(ClockKind.Restore, Received, TimeSpan.FromHours(48), threePauses).At(Beijing(2026, 10, 9, 10, 0), office);

    static DateTime Beijing(int year, int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Shanghai);
}
