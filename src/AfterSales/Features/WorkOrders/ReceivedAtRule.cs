using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// How far back a request may be logged (补录). A request taken during an outage or by a
/// technician offline is logged later with its real received-at and a reason; but received-at
/// starts every clock and the penalty ledger charges each late day at once, so a time years back
/// would write hundreds of entries in one pass. Received-at is therefore bounded: not in the
/// future, not before the contract it is about was signed, and not more than
/// <c>WorkOrders:MaxBackdateDays</c> (30 by default) before now.
/// </summary>
public static class ReceivedAtRule
{
    public const int DefaultMaxBackdateDays = 30;

    public static void Check(DateTime receivedUtc, DateTime nowUtc, DateOnly? contractSignedOn, string timeZone, int maxBackdateDays)
    {
        if (receivedUtc > nowUtc)
            throw DomainException.For("ReceivedAt", "受理时间不能晚于当前时间");
        if (receivedUtc < nowUtc.AddDays(-maxBackdateDays))
            throw DomainException.For("ReceivedAt", "受理时间最多只能补录到{0}天前", maxBackdateDays);
        if (contractSignedOn is { } signed && DateOnly.FromDateTime(Display.ToLocal(receivedUtc, timeZone)) < signed)
            throw DomainException.For("ReceivedAt", "受理时间不能早于合同签订日期 {0}", Display.Date(signed));
    }
}

/// <summary>The configured bound of <see cref="ReceivedAtRule"/>.</summary>
public sealed class IntakeLimits(IConfiguration config)
{
    public int MaxBackdateDays { get; } =
        config.GetValue<int?>("WorkOrders:MaxBackdateDays") is >= 0 and { } days ? days : ReceivedAtRule.DefaultMaxBackdateDays;
}
