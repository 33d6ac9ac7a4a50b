using AfterSales.Features.Contracts;

namespace AfterSales.Features.Inspections.Rules;

/// <summary>A contract as the planner sees it: when its free service runs and its windows.</summary>
public sealed record PlanningContract(
    long ContractId,
    DateOnly? DeliveredOn,
    int WarrantyMonths,
    int FreeMaintenanceMonths,
    SeasonWindow Summer,
    SeasonWindow Winter
)
{
    /// <summary>
    /// The days the asset is looked after for free: warranty and free maintenance both run from
    /// delivery into use, so together they cover from delivery to the later of their ends.
    /// </summary>
    public (DateOnly From, DateOnly Until)? Coverage
    {
        get
        {
            var terms = new ServiceTerms { WarrantyMonths = WarrantyMonths, FreeMaintenanceMonths = FreeMaintenanceMonths };
            var p = CoveragePeriods.Of(DeliveredOn, null, terms);
            if (p.Warranty.From is not { } from)
                return null;
            var until = new[] { p.Warranty.Until!.Value, p.FreeMaintenance.Until!.Value }.Max();
            return until < from ? null : (from, until);
        }
    }
}

public sealed record PlanningAsset(long AssetId, long SiteId, long CustomerId, long ContractId);

/// <summary>One round to create: a site, its window and the assets it covers.</summary>
public sealed record PlannedRound(
    long SiteId,
    long CustomerId,
    DateOnly From,
    DateOnly Until,
    IReadOnlyList<(long AssetId, long ContractId)> Assets
);

/// <summary>
/// Which rounds a season needs (DESIGN §2, promise 4): one per site that has assets in free
/// coverage during the season's window. Each asset's window is its contract's, cut to the days
/// its coverage runs (a contract delivered or ending mid-window); fewer than
/// <see cref="MinimumDays"/> covered days are too few to visit and plan nothing. A site with assets
/// of several contracts gets one round that closes when the first of their windows closes, and
/// opens at the latest start before that, so every contract's promise is kept by one visit.
/// Only windows that have not closed by <c>today</c> and open within <c>leadDays</c> are planned:
/// rounds are planned ahead, never after the fact.
/// </summary>
public static class RoundPlanner
{
    public const int MinimumDays = 7;

    public static List<PlannedRound> Plan(
        Season season,
        int seasonYear,
        DateOnly today,
        int leadDays,
        IReadOnlyDictionary<long, PlanningContract> contracts,
        IEnumerable<PlanningAsset> assets
    )
    {
        var windows = new Dictionary<long, (DateOnly From, DateOnly Until)?>(contracts.Count);
        var bySite = new Dictionary<long, SiteRound>();
        foreach (var a in assets)
        {
            if (!contracts.TryGetValue(a.ContractId, out var contract))
                continue;
            if (!windows.TryGetValue(a.ContractId, out var window))
                windows[a.ContractId] = window = CoveredWindow(season, seasonYear, contract);
            if (window is not { } w || w.Until < today || w.From > today.AddDays(leadDays))
                continue;
            if (!bySite.TryGetValue(a.SiteId, out var site))
                bySite[a.SiteId] = site = new SiteRound(a.CustomerId);
            site.Add(a, w);
        }
        return [.. bySite.OrderBy(s => s.Key).Select(s => s.Value.ToRound(s.Key))];
    }

    /// <summary>The contract's window of that season and year, cut to its coverage; null if too short or uncovered.</summary>
    public static (DateOnly From, DateOnly Until)? CoveredWindow(Season season, int seasonYear, PlanningContract c)
    {
        if (c.Coverage is not { } cover)
            return null;
        var (from, until) = (season == Season.Summer ? c.Summer : c.Winter).In(seasonYear);
        var f = from > cover.From ? from : cover.From;
        var u = until < cover.Until ? until : cover.Until;
        return u.DayNumber - f.DayNumber + 1 >= MinimumDays ? (f, u) : null;
    }

    sealed class SiteRound(long customerId)
    {
        readonly List<((long AssetId, long ContractId) Asset, DateOnly From, DateOnly Until)> _assets = [];

        public void Add(PlanningAsset a, (DateOnly From, DateOnly Until) w) => _assets.Add(((a.AssetId, a.ContractId), w.From, w.Until));

        public PlannedRound ToRound(long siteId)
        {
            var until = _assets.Min(a => a.Until);
            var from = _assets.Where(a => a.From <= until).Max(a => a.From);
            return new PlannedRound(siteId, customerId, from, until, [.. _assets.Select(a => a.Asset).OrderBy(a => a.AssetId)]);
        }
    }

    /// <summary>The instant a window closes: midnight after its last day, in the customer's time zone.</summary>
    public static DateTime DueAtUtc(DateOnly until, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    /// <summary>The seasons whose windows may be running or about to open on <paramref name="today"/>.</summary>
    public static IEnumerable<(Season Season, int Year)> SeasonsAround(DateOnly today) =>
        [(Season.Winter, today.Year - 1), (Season.Summer, today.Year), (Season.Winter, today.Year), (Season.Summer, today.Year + 1)];
}
