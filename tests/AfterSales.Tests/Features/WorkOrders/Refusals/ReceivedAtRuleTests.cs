using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;

namespace AfterSales.Tests.Features.WorkOrders.Refusals;

public sealed class ReceivedAtRuleTests
{
    static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Received-at relative to now (hours), the contract's signing day, and the refusal expected (null: accepted).</summary>
    public static TheoryData<double, string?, string?> Cases =>
        new()
        {
            { 0, null, null },
            { -24 * 30, null, null },
            { -24 * 30 - 0.01, null, "受理时间最多只能补录到{0}天前" },
            { -24 * 365 * 3, "2020-01-01", "受理时间最多只能补录到{0}天前" },
            { 0.01, null, "受理时间不能晚于当前时间" },
            // Signed on 24 November (Beijing): the 23rd is refused, the 24th from 00:00 Beijing time accepted.
            { -34, "2026-11-24", null },
            { -34.01, "2026-11-24", "受理时间不能早于合同签订日期 {0}" },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Received_at_is_bounded_by_now_the_backdate_limit_and_the_contract(double hours, string? signedOnDay, string? refusal)
    {
        var received = Now.AddHours(hours);
        var signedOn = signedOnDay is null
            ? (DateOnly?)null
            : DateOnly.Parse(signedOnDay, System.Globalization.CultureInfo.InvariantCulture);

        var e = Record.Exception(() =>
            ReceivedAtRule.Check(received, Now, signedOn, "Asia/Shanghai", ReceivedAtRule.DefaultMaxBackdateDays)
        );

        if (refusal is null)
            e.ShouldBeNull();
        else
        {
            var d = e.ShouldBeOfType<DomainException>();
            (d.Message, d.Field).ShouldBe((refusal, "ReceivedAt"));
            Texts.EnglishTexts.ShouldContainKey(refusal);
        }
    }
}
