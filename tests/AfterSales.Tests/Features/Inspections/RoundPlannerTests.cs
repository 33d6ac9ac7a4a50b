using AfterSales.Features.Inspections;
using AfterSales.Features.Inspections.Rules;

namespace AfterSales.Tests.Features.Inspections;

public sealed class RoundPlannerTests
{
    static readonly SeasonWindow Summer = SeasonWindow.SummerDefault;
    static readonly SeasonWindow Winter = SeasonWindow.WinterDefault;

    static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    public static TheoryData<string, Season, int, string, string> Windows =>
        new()
        {
            { "summer default", Season.Summer, 2026, "2026-06-01", "2026-08-31" },
            { "winter crosses the year end", Season.Winter, 2026, "2026-12-01", "2027-02-28" },
            { "winter ending in a leap February", Season.Winter, 2027, "2027-12-01", "2028-02-29" },
            { "winter starting in a leap year, ending in a common one", Season.Winter, 2028, "2028-12-01", "2029-02-28" },
        };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Default_windows_fall_on_the_right_days(string why, Season season, int year, string from, string until)
    {
        var (f, u) = SeasonWindow.Default(season).In(year);
        (f, u).ShouldBe((D(from), D(until)), why);
    }

    [Fact]
    public void A_contract_window_crossing_the_year_on_other_days_and_29_february_in_a_common_year()
    {
        new SeasonWindow(12, 15, 3, 15).In(2026).ShouldBe((D("2026-12-15"), D("2027-03-15")));
        new SeasonWindow(11, 1, 2, 29).In(2026).ShouldBe((D("2026-11-01"), D("2027-02-28")));
        new SeasonWindow(11, 1, 2, 29).In(2027).ShouldBe((D("2027-11-01"), D("2028-02-29")));
        SeasonWindow.Problem(2, 30, 3, 1).ShouldBe("开始日期无效");
        SeasonWindow.Problem(6, 1, 6, 1).ShouldBe("巡检窗口至少两天");
        SeasonWindow.Problem(1, 1, 12, 31).ShouldBe("巡检窗口不能超过半年");
        SeasonWindow.Problem(6, 1, 8, 31).ShouldBeNull();
    }

    static PlanningContract C(
        long id,
        string? delivered,
        int warranty = 24,
        int free = 36,
        SeasonWindow? summer = null,
        SeasonWindow? winter = null
    ) => new(id, delivered is null ? null : D(delivered), warranty, free, summer ?? Summer, winter ?? Winter);

    /// <summary>Coverage cut: (why, contract, season, year, expected window or null).</summary>
    public static TheoryData<string, PlanningContract, Season, int, string?> Coverage =>
        new()
        {
            { "covered all season", C(1, "2025-03-01"), Season.Summer, 2026, "2026-06-01..2026-08-31" },
            { "delivered mid-window: from delivery", C(1, "2026-07-10"), Season.Summer, 2026, "2026-07-10..2026-08-31" },
            { "coverage ends mid-window: until its last day", C(1, "2024-07-15", 24, 24), Season.Summer, 2026, "2026-06-01..2026-07-14" },
            { "free maintenance outlasts warranty", C(1, "2024-07-15", 12, 24), Season.Summer, 2026, "2026-06-01..2026-07-14" },
            { "coverage ends 3 days into the window: too short", C(1, "2024-06-04", 24, 24), Season.Summer, 2026, null },
            { "delivered 3 days before the window ends: too short", C(1, "2026-08-29"), Season.Summer, 2026, null },
            { "coverage over before the window", C(1, "2022-01-01"), Season.Summer, 2026, null },
            { "not delivered yet", C(1, null), Season.Summer, 2026, null },
            { "no free period at all", C(1, "2025-03-01", 0, 0), Season.Summer, 2026, null },
            { "winter covered across the year end", C(1, "2025-03-01"), Season.Winter, 2026, "2026-12-01..2027-02-28" },
            { "winter, coverage ends in January", C(1, "2025-01-20", 24, 24), Season.Winter, 2026, "2026-12-01..2027-01-19" },
            { "winter into a leap February", C(1, "2025-03-01", 24, 48), Season.Winter, 2027, "2027-12-01..2028-02-29" },
            { "contract's own window", C(1, "2025-03-01", summer: new(7, 1, 9, 15)), Season.Summer, 2026, "2026-07-01..2026-09-15" },
        };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void A_contracts_window_is_cut_to_its_coverage(string why, PlanningContract contract, Season season, int year, string? expected)
    {
        var w = RoundPlanner.CoveredWindow(season, year, contract);
        (w is { } x ? $"{x.From:yyyy-MM-dd}..{x.Until:yyyy-MM-dd}" : null).ShouldBe(expected, why);
    }

    [Fact]
    public void A_site_with_assets_of_several_contracts_gets_one_round_that_keeps_every_window()
    {
        var contracts = new Dictionary<long, PlanningContract>
        {
            [1] = C(1, "2025-03-01"),
            [2] = C(2, "2024-07-15", 24, 24), // ends 2026-07-14
            [3] = C(3, "2025-03-01", summer: new(6, 15, 9, 30)),
            [4] = C(4, null), // not delivered: not inspected
        };
        var assets = new[]
        {
            new PlanningAsset(10, SiteId: 100, CustomerId: 7, ContractId: 1),
            new PlanningAsset(11, SiteId: 100, CustomerId: 7, ContractId: 2),
            new PlanningAsset(12, SiteId: 100, CustomerId: 7, ContractId: 3),
            new PlanningAsset(13, SiteId: 100, CustomerId: 7, ContractId: 4),
            new PlanningAsset(20, SiteId: 200, CustomerId: 7, ContractId: 1),
        };
        var rounds = RoundPlanner.Plan(Season.Summer, 2026, D("2026-05-01"), 60, contracts, assets);
        rounds.Count.ShouldBe(2);
        var site = rounds.Single(r => r.SiteId == 100);
        (site.From, site.Until).ShouldBe((D("2026-06-15"), D("2026-07-14")));
        site.Assets.ShouldBe([(10L, 1L), (11L, 2L), (12L, 3L)]);
        var other = rounds.Single(r => r.SiteId == 200);
        (other.From, other.Until).ShouldBe((D("2026-06-01"), D("2026-08-31")));
    }

    [Fact]
    public void Windows_that_do_not_overlap_close_with_the_first_and_open_at_the_latest_start_before_it()
    {
        var contracts = new Dictionary<long, PlanningContract>
        {
            [1] = C(1, "2025-03-01", summer: new(6, 1, 6, 30)),
            [2] = C(2, "2025-03-01", summer: new(8, 1, 8, 31)),
        };
        var assets = new[] { new PlanningAsset(1, 9, 7, 1), new PlanningAsset(2, 9, 7, 2) };
        var round = RoundPlanner.Plan(Season.Summer, 2026, D("2026-06-10"), 60, contracts, assets).Single();
        (round.From, round.Until).ShouldBe((D("2026-06-01"), D("2026-06-30")));
        round.Assets.Count.ShouldBe(2);
    }

    public static TheoryData<string, string, int> Horizon =>
        new()
        {
            { "two months ahead: planned", "2026-04-02", 1 },
            { "more than the lead time ahead: not yet", "2026-03-31", 0 },
            { "during the window: planned", "2026-07-20", 1 },
            { "on the last day: planned", "2026-08-31", 1 },
            { "after the window closed: never planned after the fact", "2026-09-01", 0 },
        };

    [Theory]
    [MemberData(nameof(Horizon))]
    public void Rounds_are_planned_ahead_within_the_lead_time_and_never_after_the_window(string why, string today, int expected)
    {
        var contracts = new Dictionary<long, PlanningContract> { [1] = C(1, "2025-03-01") };
        RoundPlanner.Plan(Season.Summer, 2026, D(today), 60, contracts, [new PlanningAsset(1, 9, 7, 1)]).Count.ShouldBe(expected, why);
    }

    [Fact]
    public void A_window_closes_at_the_customers_midnight_after_its_last_day()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        RoundPlanner.DueAtUtc(D("2026-08-31"), shanghai).ShouldBe(new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc));
        RoundPlanner.DueAtUtc(D("2028-02-29"), TimeZoneInfo.Utc).ShouldBe(new DateTime(2028, 3, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
