using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Features.Inspections;

/// <summary><c>plan-inspections</c>: plans one season now, as the background pass would, and says how long it took.</summary>
internal static class InspectionCommands
{
    public static async Task<string> PlanAsync(IServiceProvider sp, Dictionary<string, string> options, CancellationToken ct)
    {
        var season = options.GetValueOrDefault("season", "summer").Equals("winter", StringComparison.OrdinalIgnoreCase)
            ? Season.Winter
            : Season.Summer;
        var clock = sp.GetRequiredService<TimeProvider>();
        var year = int.Parse(
            options.GetValueOrDefault("year", clock.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture)),
            CultureInfo.InvariantCulture
        );
        var today = options.TryGetValue("today", out var t)
            ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Rules.SeasonWindow.Default(season).In(year).From;
        var watch = Stopwatch.StartNew();
        var created = await sp.GetRequiredService<InspectionPlanning>().PlanSeasonAsync(season, year, today, ct);
        return $"Planned {created} rounds for {season} {year} in {watch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s.";
    }
}
