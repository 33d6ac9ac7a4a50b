using AfterSales.Features.Hotline.Rules;

namespace AfterSales.Features.Hotline;

/// <summary>
/// Hotline settings: <c>Hotline:RingCycleSeconds</c> (5 by default, the tender's ring) and
/// <c>Hotline:TimeZone</c> (the zone whose days the report counts, Asia/Shanghai by default).
/// </summary>
public sealed record CallSettings(TimeSpan RingCycle, TimeZoneInfo Zone)
{
    public static CallSettings From(IConfiguration config)
    {
        var seconds = config.GetValue<double?>("Hotline:RingCycleSeconds") ?? RingRule.DefaultCycle.TotalSeconds;
        if (seconds <= 0)
            throw new InvalidOperationException("Hotline:RingCycleSeconds must be positive.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config["Hotline:TimeZone"] is { Length: > 0 } z ? z : "Asia/Shanghai");
        return new CallSettings(TimeSpan.FromSeconds(seconds), zone);
    }
}
