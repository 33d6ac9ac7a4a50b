using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>The list filters ask the database for a warranty status; the answer must be the pure rule's.</summary>
public sealed class WarrantyQueryTests
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    static readonly (string Delivered, int Months)[] Deliveries =
    [
        ("2024-01-31", 1),
        ("2023-01-31", 1),
        ("2024-01-29", 1),
        ("2024-01-28", 1),
        ("2023-12-31", 2),
        ("2024-02-29", 12),
        ("2024-03-15", 24),
        ("2024-03-15", 0),
        ("2025-06-30", 8),
    ];

    static readonly string[] Days =
    [
        "2023-02-27",
        "2023-02-28",
        "2024-02-27",
        "2024-02-28",
        "2024-02-29",
        "2024-03-01",
        "2025-02-27",
        "2025-02-28",
        "2026-02-27",
        "2026-02-28",
        "2026-03-14",
        "2026-03-15",
    ];

    [Fact]
    public async Task The_database_filter_agrees_with_the_coverage_rule_at_month_ends()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        for (var i = 0; i < Deliveries.Length; i++)
        {
            var (delivered, months) = Deliveries[i];
            var terms = ServiceTerms.TenderDefaults() with { WarrantyMonths = months };
            await app.ContractAsync(customer.CustomerId, $"W-{i}", D(delivered), terms);
        }
        await app.ContractAsync(customer.CustomerId, "W-open");
        var all = await app.DbAsync(db => db.Contracts.AsNoTracking().ToListAsync());

        foreach (var today in Days.Select(D))
        foreach (var status in Enum.GetValues<WarrantyStatus>())
        {
            var found = await app.DbAsync(db => db.Contracts.WithWarranty(status, today).Select(c => c.Number).ToListAsync());
            var expected = all.Where(c => Asset.WarrantyOn(c, today) == status).Select(c => c.Number);
            found.Order().ShouldBe(expected.Order(), $"{status} on {today:yyyy-MM-dd}");
        }
    }
}
