using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Features.WorkOrders.Holidays;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Admin.Holidays;

/// <summary>
/// 节假日调整: one year of the business-hours calendar — the shipped State Council notice, the
/// administrator's overrides, and whether deadlines through the year are final. Managers read it
/// (deadlines are theirs to explain); only administrators change it.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(HolidayDesk desk, IAuthorizationService auth, TimeProvider clock) : PageModel, IReloadsOnError
{
    /// <summary>The year shown; the current year (Beijing) when missing or out of range.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public HolidayYearView View { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public OverrideInput Input { get; private set; } = new();

    public NoticeInput Notice { get; private set; } = new();

    public int ShownYear => Year is >= HolidayOverride.FirstYear and <= HolidayOverride.LastYear ? Year.Value : Display.Today(clock).Year;

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(OverrideInput input, CancellationToken ct)
    {
        (Input, Year) = (input, input.Date?.Year ?? Year);
        if (!await AllowedAsync())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(ct);
        var added = await desk.AddAsync(input.Date!.Value, input.Kind!.Value, input.Note, ct);
        TempData["Flash"] = Texts.T("已添加{0}的调整", Display.Date(added.Date));
        return this.SeeOther($"/Admin/Holidays?year={added.Date.Year}");
    }

    public async Task<IActionResult> OnPostNoticeAsync(NoticeInput notice, CancellationToken ct)
    {
        (Notice, Year) = (notice, notice.Year ?? Year);
        if (!await AllowedAsync())
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(ct);
        var entered = await desk.EnterYearAsync(notice.Year!.Value, notice.DaysOff, notice.Workdays, notice.Note, ct);
        TempData["Flash"] = Texts.T("已录入{0}年的节假日安排：{1}天", notice.Year.Value, entered.Count);
        return this.SeeOther($"/Admin/Holidays?year={notice.Year.Value}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        if (!await AllowedAsync())
            return Forbid();
        var removed = await desk.RemoveAsync(id, ct);
        TempData["Flash"] = Texts.T("已删除{0}的调整", Display.Date(removed.Date));
        return this.SeeOther($"/Admin/Holidays?year={removed.Date.Year}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        View = await desk.YearAsync(ShownYear, ct);
        CanEdit = await AllowedAsync();
    }

    async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        return this.Invalid();
    }

    async Task<bool> AllowedAsync() => (await auth.AuthorizeAsync(User, Policies.Administer)).Succeeded;

    /// <summary>Consecutive days of one kind as one line (the notices write "10-01..10-07").</summary>
    public static List<(DateOnly From, DateOnly To, DayKind Kind)> Ranges(IEnumerable<DayOverride> days)
    {
        var ranges = new List<(DateOnly From, DateOnly To, DayKind Kind)>();
        foreach (var d in days.OrderBy(d => d.Date))
        {
            if (ranges.Count > 0 && ranges[^1] is var last && last.Kind == d.Kind && last.To.AddDays(1) == d.Date)
                ranges[^1] = last with { To = d.Date };
            else
                ranges.Add((d.Date, d.Date, d.Kind));
        }
        return ranges;
    }

    public static string Weekday(DateOnly date) =>
        date.DayOfWeek switch
        {
            DayOfWeek.Monday => "周一",
            DayOfWeek.Tuesday => "周二",
            DayOfWeek.Wednesday => "周三",
            DayOfWeek.Thursday => "周四",
            DayOfWeek.Friday => "周五",
            DayOfWeek.Saturday => "周六",
            DayOfWeek.Sunday => "周日",
        };

    public static string SourceTitle(HolidayYearSource source) =>
        source switch
        {
            HolidayYearSource.Shipped => "国务院通知（随系统提供）",
            HolidayYearSource.Entered => "管理员已录入",
            HolidayYearSource.Missing => "未录入：按周一至周五计算，时限标为暂定",
        };
}
