using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;

namespace AfterSales.Tests.Features.Assets;

/// <summary>An asset's warranty is its contract's: from delivery into use, for the contract's warranty months.</summary>
public sealed class WarrantyStatusTests
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    static Contract ContractDeliveredOn(string? delivered, int warrantyMonths = 24) =>
        Contract.Create(
            1,
            "HT-1",
            "门牌",
            100_00,
            D("2024-01-01"),
            delivered is null ? null : D(delivered),
            null,
            ServiceTerms.TenderDefaults() with
            {
                WarrantyMonths = warrantyMonths,
            },
            new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)
        );

    [Theory]
    [InlineData(null, 24, "2026-11-25", WarrantyStatus.NotDelivered)]
    [InlineData("2024-03-15", 24, "2024-03-14", WarrantyStatus.NotDelivered)] // delivery is still ahead
    [InlineData("2024-03-15", 24, "2024-03-15", WarrantyStatus.InWarranty)]
    [InlineData("2024-03-15", 24, "2026-03-14", WarrantyStatus.InWarranty)]
    [InlineData("2024-03-15", 24, "2026-03-15", WarrantyStatus.Expired)]
    [InlineData("2024-01-31", 1, "2024-02-28", WarrantyStatus.InWarranty)]
    [InlineData("2024-01-31", 1, "2024-02-29", WarrantyStatus.Expired)]
    [InlineData("2024-03-15", 0, "2024-03-15", WarrantyStatus.Expired)] // no warranty was promised
    public void The_warranty_status_on_a_day_follows_the_contracts_coverage(
        string? delivered,
        int months,
        string day,
        WarrantyStatus expected
    ) => Asset.WarrantyOn(ContractDeliveredOn(delivered, months), D(day)).ShouldBe(expected);
}
