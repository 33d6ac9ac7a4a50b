using AfterSales.Features.Contracts;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>The periods of free service a contract's terms promise (DESIGN §2, promises 1 and 2).</summary>
public sealed class CoveragePeriodsTests
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-03-15", 24, "2026-03-14")]
    [InlineData("2024-01-31", 1, "2024-02-28")] // 01-31 + 1 month is 02-29 in a leap year; the day before it ends the period
    [InlineData("2023-01-31", 1, "2023-02-27")] // and 02-28 otherwise
    [InlineData("2024-02-29", 12, "2025-02-27")]
    [InlineData("2024-12-01", 1, "2024-12-31")]
    [InlineData("2024-03-15", 600, "2074-03-14")]
    public void A_period_of_n_months_ends_the_day_before_the_same_date_n_months_later(string from, int months, string until)
    {
        var terms = ServiceTerms.TenderDefaults() with { WarrantyMonths = months };

        var warranty = CoveragePeriods.Of(D(from), null, terms).Warranty;

        warranty.From.ShouldBe(D(from));
        warranty.Until.ShouldBe(D(until));
        warranty.Pending.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2024-03-14", false)] // the day before it starts
    [InlineData("2024-03-15", true)] // the first day
    [InlineData("2026-03-14", true)] // the last day
    [InlineData("2026-03-15", false)] // the day after
    public void A_period_is_active_from_its_first_to_its_last_day_inclusive(string day, bool active)
    {
        var warranty = CoveragePeriods.Of(D("2024-03-15"), null, ServiceTerms.TenderDefaults()).Warranty;

        warranty.IsActiveOn(D(day)).ShouldBe(active);
        warranty.HasEndedBy(D(day)).ShouldBe(D(day) > D("2026-03-14"));
    }

    [Fact]
    public void A_period_of_zero_months_covers_no_day()
    {
        var terms = ServiceTerms.TenderDefaults() with { WarrantyMonths = 0 };

        var warranty = CoveragePeriods.Of(D("2024-03-15"), null, terms).Warranty;

        warranty.IsActiveOn(D("2024-03-14")).ShouldBeFalse();
        warranty.IsActiveOn(D("2024-03-15")).ShouldBeFalse();
        warranty.HasEndedBy(D("2024-03-15")).ShouldBeTrue();
    }

    [Fact]
    public void Without_delivery_the_warranty_and_maintenance_are_pending_and_cover_nothing()
    {
        var periods = CoveragePeriods.Of(null, null, ServiceTerms.TenderDefaults());

        foreach (var p in new[] { periods.Warranty, periods.FreeMaintenance, periods.TechnicalService })
        {
            p.Pending.ShouldBeTrue();
            p.IsActiveOn(D("2026-11-25")).ShouldBeFalse();
            p.HasEndedBy(D("2099-01-01")).ShouldBeFalse();
        }
    }

    [Fact]
    public void Maintenance_runs_from_delivery_and_technical_service_from_final_acceptance()
    {
        var periods = CoveragePeriods.Of(D("2024-03-15"), D("2024-05-20"), ServiceTerms.TenderDefaults());

        periods.Warranty.Until.ShouldBe(D("2026-03-14")); // 24 months
        periods.FreeMaintenance.From.ShouldBe(D("2024-03-15"));
        periods.FreeMaintenance.Until.ShouldBe(D("2027-03-14")); // 36 months
        periods.TechnicalService.From.ShouldBe(D("2024-05-20"));
        periods.TechnicalService.Until.ShouldBe(D("2029-05-19")); // 60 months
    }

    [Fact]
    public void Delivered_but_not_accepted_leaves_only_technical_service_pending()
    {
        var periods = CoveragePeriods.Of(D("2024-03-15"), null, ServiceTerms.TenderDefaults());

        periods.Warranty.Pending.ShouldBeFalse();
        periods.FreeMaintenance.Pending.ShouldBeFalse();
        periods.TechnicalService.Pending.ShouldBeTrue();
    }
}
