namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// UTC offsets of one zone, in ticks. A TimeZoneInfo lookup costs a few hundred nanoseconds, several per
/// working day; most zones that matter here (Asia/Shanghai since 1991) have had one fixed offset for
/// decades, so past the zone's last offset-changing rule the offset is a constant. Zones that still
/// change (summer time) are asked every time.
/// </summary>
internal sealed class ZoneOffsets
{
    readonly TimeZoneInfo zone;
    readonly long fixedSince = long.MaxValue;
    readonly long fixedOffset;

    public ZoneOffsets(TimeZoneInfo zone)
    {
        this.zone = zone;
        var lastChange = zone.GetAdjustmentRules()
            .Where(r => r.DaylightDelta != TimeSpan.Zero || r.BaseUtcOffsetDelta != TimeSpan.Zero)
            .Select(r => r.DateEnd)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
        if (lastChange >= DateTime.MaxValue.AddDays(-3))
            return;
        // Two days' margin: a rule's last day may end with a transition, and local and UTC days differ.
        var since = lastChange.Date.AddDays(2);
        if (zone.GetUtcOffset(since) == zone.BaseUtcOffset)
            (fixedSince, fixedOffset) = (since.Ticks, zone.BaseUtcOffset.Ticks);
    }

    /// <summary>
    /// The offset at a local wall-clock time. TimeZoneInfo answers the standard offset for a time skipped
    /// by a forward change (so it maps just past the gap) and for a repeated one (the later instant).
    /// </summary>
    public long AtLocal(long localTicks) =>
        localTicks >= fixedSince ? fixedOffset : zone.GetUtcOffset(new DateTime(localTicks, DateTimeKind.Unspecified)).Ticks;

    public long AtUtc(long utcTicks) =>
        utcTicks >= fixedSince ? fixedOffset : zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
