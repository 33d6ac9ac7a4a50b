using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Tests.Features.WorkOrders.Clocks;

public sealed class ZoneOffsetsTests
{
    [Theory]
    [InlineData("Asia/Shanghai")] // summer time 1986–1991, fixed since
    [InlineData("Asia/Tokyo")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Urumqi")]
    [InlineData("Europe/Berlin")] // still changes: always asked
    [InlineData("America/Sao_Paulo")] // dropped summer time in 2019
    [InlineData("Etc/UTC")]
    public void The_shortcut_for_a_fixed_offset_agrees_with_the_time_zone_database(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var offsets = new ZoneOffsets(zone);
        var random = new Random(1986);
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = new DateTime(1900, 1, 1).Ticks + random.NextInt64(0, 200L * 365 * TimeSpan.TicksPerDay);

            offsets.AtUtc(ticks).ShouldBe(zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Utc)).Ticks);
            offsets.AtLocal(ticks).ShouldBe(zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Unspecified)).Ticks);
        }
    }
}
