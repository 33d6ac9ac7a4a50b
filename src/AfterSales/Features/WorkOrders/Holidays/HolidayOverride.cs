using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.WorkOrders.Holidays;

/// <summary>
/// 节假日调整: an administrator's correction of one day of the business-hours calendar (DESIGN §4
/// "shipped as data per year with admin overrides"): an extra day off, or a weekend day worked (调休上班).
/// It wins over the shipped data, and a year holding one counts as entered by an administrator
/// (<see cref="HolidayTable.WithAdminOverrides"/>). Added and removed, never edited; both are audited.
/// </summary>
public sealed class HolidayOverride : IAudited
{
    public const int MaxNote = 200;
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    public long Id { get; private set; }

    /// <summary>A calendar day in the customer's zone, as the State Council's notice names it.</summary>
    public DateOnly Date { get; private set; }
    public DayKind Kind { get; private set; }

    /// <summary>Why: the notice's number, or the reason of a local arrangement.</summary>
    public string Note { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";

    HolidayOverride() { }

    /// <summary>
    /// A day that the shipped data (or, for a year without data, the Monday–Friday rule) already
    /// counts the same way is refused: such an override would change nothing, and most likely the
    /// wrong day was picked.
    /// </summary>
    public static HolidayOverride Enter(DateOnly date, DayKind kind, string? note, HolidayTable shipped, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        if (!Enum.IsDefined(kind))
            throw DomainException.For(nameof(Kind), "请选择休息日或调休上班");
        if (date.Year is < FirstYear or > LastYear)
            throw DomainException.For(nameof(Date), "日期应在{0}年到{1}年之间", FirstYear, LastYear);
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (kind == DayKind.WorkingDay && shipped.IsWorkingDay(date))
            throw DomainException.For(nameof(Date), "{0}本来就是工作日，无需调整", day);
        if (kind == DayKind.DayOff && !shipped.IsWorkingDay(date))
            throw DomainException.For(nameof(Date), "{0}本来就是休息日，无需调整", day);
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
            throw DomainException.For(nameof(Note), "请填写备注");
        if (text.Length > MaxNote)
            throw DomainException.For(nameof(Note), "备注不能超过{0}个字符", MaxNote);
        return new()
        {
            Date = date,
            Kind = kind,
            Note = text,
            CreatedAtUtc = nowUtc,
            CreatedBy = by,
        };
    }

    public DayOverride ToDayOverride() => new(Date, Kind);

    public static string Title(DayKind kind) =>
        kind switch
        {
            DayKind.DayOff => "休息日",
            DayKind.WorkingDay => "调休上班",
        };
}
