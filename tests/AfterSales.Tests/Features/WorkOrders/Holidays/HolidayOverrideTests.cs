using System.Globalization;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Features.WorkOrders.Holidays;
using AfterSales.Platform.Errors;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.WorkOrders.Holidays;

/// <summary>What an administrator may enter as one override, checked against the shipped data.</summary>
public sealed class HolidayOverrideTests
{
    static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    static HolidayOverride Enter(string date, DayKind kind, string? note = "说明") =>
        HolidayOverride.Enter(Date(date), kind, note, HolidayTable.China, "admin", Now);

    [Theory]
    [InlineData("2026-03-03", DayKind.DayOff)] // a Tuesday off
    [InlineData("2026-03-07", DayKind.WorkingDay)] // a Saturday worked
    [InlineData("2026-10-06", DayKind.WorkingDay)] // a shipped holiday worked
    [InlineData("2026-10-10", DayKind.DayOff)] // a shipped 调休 Saturday off again
    [InlineData("2027-02-05", DayKind.DayOff)] // a year without data: a Friday off
    public void A_day_that_changes_is_entered(string date, DayKind kind)
    {
        var entered = Enter(date, kind, "  国办发明电  ");

        (entered.Date, entered.Kind, entered.Note, entered.CreatedBy, entered.CreatedAtUtc).ShouldBe(
            (Date(date), kind, "国办发明电", "admin", Now)
        );
        entered.ToDayOverride().ShouldBe(new DayOverride(Date(date), kind));
    }

    [Theory]
    [InlineData("2026-03-03", DayKind.WorkingDay, "2026-03-03本来就是工作日，无需调整")] // a Tuesday
    [InlineData("2026-10-10", DayKind.WorkingDay, "2026-10-10本来就是工作日，无需调整")] // shipped 调休
    [InlineData("2026-03-07", DayKind.DayOff, "2026-03-07本来就是休息日，无需调整")] // a Saturday
    [InlineData("2026-10-05", DayKind.DayOff, "2026-10-05本来就是休息日，无需调整")] // National Day
    [InlineData("2027-02-06", DayKind.DayOff, "2027-02-06本来就是休息日，无需调整")] // a Saturday without data
    public void An_override_that_would_change_nothing_is_refused(string date, DayKind kind, string message)
    {
        var refused = Should.Throw<DomainException>(() => Enter(date, kind));

        // The Chinese template with its arguments, whatever the culture the tests run in.
        (refused.Field, string.Format(CultureInfo.InvariantCulture, refused.Message, refused.Args)).ShouldBe(("Date", message));
    }

    [Theory]
    [InlineData(null, "Note")]
    [InlineData("   ", "Note")]
    public void A_note_is_required(string? note, string field)
    {
        Should.Throw<DomainException>(() => Enter("2026-03-03", DayKind.DayOff, note)).Field.ShouldBe(field);
    }

    [Fact]
    public void A_long_note_an_unknown_kind_or_a_far_year_is_refused()
    {
        Should.Throw<DomainException>(() => Enter("2026-03-03", DayKind.DayOff, new string('注', 201))).Field.ShouldBe("Note");
        Should.Throw<DomainException>(() => Enter("2026-03-03", (DayKind)7)).Field.ShouldBe("Kind");
        Should.Throw<DomainException>(() => Enter("2100-03-03", DayKind.DayOff)).Field.ShouldBe("Date");
    }
}
