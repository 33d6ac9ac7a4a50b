using System.Net;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Admin;

/// <summary>系统管理 → 节假日调整: the admin adds and removes overrides; bad input changes nothing; others may not.</summary>
public sealed class HolidaysPageTests
{
    const string Page = "/Admin/Holidays?year=2026";

    static Dictionary<string, string> Override(string date, string kind, string note = "公司年会放假一天") =>
        new()
        {
            ["Input.Date"] = date,
            ["Input.Kind"] = kind,
            ["Input.Note"] = note,
        };

    static Dictionary<string, string> Notice(int year, string daysOff, string workdays, string note = "国办发明电〔2026〕7号") =>
        new()
        {
            ["Notice.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notice.DaysOff"] = daysOff,
            ["Notice.Workdays"] = workdays,
            ["Notice.Note"] = note,
        };

    static Task<List<(DateOnly Date, DayKind Kind, string Note, string By)>> StoredAsync(AppFactory app) =>
        app.DbAsync(async db =>
            (await db.HolidayOverrides.OrderBy(o => o.Date).ToListAsync()).Select(o => (o.Date, o.Kind, o.Note, o.CreatedBy)).ToList()
        );

    [Fact]
    public async Task The_admin_adds_an_override_which_the_page_lists_and_the_audit_trail_records()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "holiday-admin");

        var added = await admin.PostFormAsync(Page, Override("2026-03-03", "DayOff"));
        var page = await admin.GetPageAsync(Page);

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.Headers.Location!.OriginalString.ShouldBe(Page);
        (await StoredAsync(app)).ShouldBe([(new DateOnly(2026, 3, 3), DayKind.DayOff, "公司年会放假一天", "holiday-admin")]);
        var row = page.QuerySelector(".override[data-date='2026-03-03']").ShouldNotBeNull();
        row.TextContent.ShouldContain("休息日");
        row.TextContent.ShouldContain("公司年会放假一天");
        page.Text("#year-source").ShouldBe("国务院通知（随系统提供）");
        page.QuerySelectorAll(".shipped-day").Length.ShouldBeGreaterThan(10);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "HolidayOverride").ToListAsync());
        audit.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.Created);
        audit[0].UserName.ShouldBe("holiday-admin");
    }

    [Theory]
    [InlineData("", "DayOff", "公司年会", "请填写调整日期")]
    [InlineData("2026-03-04", "", "公司年会", "请选择休息日或调休上班")]
    [InlineData("2026-03-04", "DayOff", "", "请填写备注")]
    [InlineData("2026-03-04", "WorkingDay", "公司年会", "2026-03-04本来就是工作日，无需调整")]
    [InlineData("2026-03-07", "DayOff", "公司年会", "2026-03-07本来就是休息日，无需调整")]
    [InlineData("2026-10-05", "DayOff", "公司年会", "2026-10-05本来就是休息日，无需调整")]
    [InlineData("2026-03-03", "WorkingDay", "公司年会", "2026-03-03已有调整，请先删除原有调整")]
    [InlineData("2026-03-03", "DayOff", "再放一天", "2026-03-03已有调整，请先删除原有调整")]
    [InlineData("2100-03-03", "DayOff", "公司年会", "日期应在2000年到2099年之间")]
    [InlineData("下周二", "DayOff", "公司年会", "调整日期")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_changes_nothing(string date, string kind, string note, string message)
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        (await admin.PostFormAsync(Page, Override("2026-03-03", "DayOff"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await app.SnapshotAsync();

        var refused = await admin.PostFormAsync(Page, Override(date, kind, note));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Text("#holiday-errors").ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
        (await StoredAsync(app)).Select(o => o.Date).ShouldBe([new DateOnly(2026, 3, 3)]);
    }

    [Fact]
    public async Task The_admin_removes_an_override()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await admin.PostFormAsync(Page, Override("2026-03-07", "WorkingDay", "补班"));
        var id = await app.DbAsync(db => db.HolidayOverrides.Select(o => o.Id).SingleAsync());

        var removed = await admin.PostFormAsync($"/Admin/Holidays?handler=Remove&id={id}&year=2026", [], Page);
        var page = await admin.GetPageAsync(Page);

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(app)).ShouldBeEmpty();
        page.QuerySelector(".override").ShouldBeNull();
        page.QuerySelector("#no-overrides").ShouldNotBeNull();
        var actions = await app.DbAsync(db =>
            db.AuditEntries.Where(e => e.EntityType == "HolidayOverride").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()
        );
        actions.ShouldBe([AuditAction.Created, AuditAction.Deleted]);
        (await admin.PostFormAsync($"/Admin/Holidays?handler=Remove&id={id}&year=2026", [], Page)).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public async Task The_admin_enters_a_whole_year_without_shipped_data()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await admin.GetPageAsync("/Admin/Holidays?year=2027");

        // Spring Festival Thursday 02-04 to Thursday 02-11 (its weekend is off anyway), Saturday 02-13 worked.
        var entered = await admin.PostFormAsync(
            "/Admin/Holidays?handler=Notice&year=2027",
            Notice(2027, "01-01, 02-04..02-11", "02-13"),
            "/Admin/Holidays?year=2027"
        );
        var after = await admin.GetPageAsync("/Admin/Holidays?year=2027");

        before.Text("#year-source").ShouldBe("未录入：按周一至周五计算，时限标为暂定");
        before.QuerySelector("#no-shipped").ShouldNotBeNull();
        entered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Text("#year-source").ShouldBe("管理员已录入");
        var stored = await StoredAsync(app);
        stored
            .Select(o => o.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(["01-01", "02-04", "02-05", "02-08", "02-09", "02-10", "02-11", "02-13"]);
        stored.Count(o => o.Kind == DayKind.WorkingDay).ShouldBe(1);
        after.QuerySelectorAll(".override").Length.ShouldBe(8);
        after.QuerySelector("#notice-form").ShouldNotBeNull();
        (await admin.GetPageAsync(Page)).QuerySelector("#notice-form").ShouldBeNull(); // 2026 ships with the application
    }

    [Theory]
    [InlineData(2026, "10-08", "", "2026年的节假日安排已随系统提供，请逐日调整")]
    [InlineData(2027, "02-30", "", "无法识别“02-30”")]
    [InlineData(2027, "02-04..02-11", "国庆", "无法识别“国庆”")]
    [InlineData(2027, "", "", "请填写放假日期或调休上班日期")]
    [InlineData(2027, "02-04..02-11", "02-08", "2027-02-08既填为放假又填为调休上班")]
    [InlineData(2027, "02-04..02-11", "02-09", "2027-02-09既填为放假又填为调休上班")]
    [InlineData(2027, "02-06..02-07", "", "所填放假日期都在周末")]
    [InlineData(2027, "02-04", "02-10", "2027-02-10本来就是工作日，无需调整")]
    public async Task A_bad_notice_is_refused_and_enters_nothing(int year, string daysOff, string workdays, string message)
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        var before = await app.SnapshotAsync();

        var refused = await admin.PostFormAsync(
            $"/Admin/Holidays?handler=Notice&year={year}",
            Notice(year, daysOff, workdays),
            "/Admin/Holidays?year=2027"
        );

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Text("#holiday-errors").ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_manager_reads_the_calendar_but_may_not_change_it_and_others_may_not_see_it()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);
        await admin.PostFormAsync(Page, Override("2026-03-03", "DayOff"));
        var id = await app.DbAsync(db => db.HolidayOverrides.Select(o => o.Id).SingleAsync());
        var manager = await app.SignInAsync(Roles.Manager);
        var others = new Dictionary<string, HttpClient>();
        foreach (var role in new[] { Roles.Agent, Roles.Dispatcher, Roles.Technician, Roles.Auditor })
            others[role] = await app.SignInAsync(role);
        var before = await app.SnapshotAsync();

        var page = await manager.GetPageAsync(Page);
        var add = await manager.PostFormAsync(Page, Override("2026-03-04", "DayOff"));
        var notice = await manager.PostFormAsync("/Admin/Holidays?handler=Notice&year=2027", Notice(2027, "02-04", ""), Page);
        var remove = await manager.PostFormAsync($"/Admin/Holidays?handler=Remove&id={id}&year=2026", [], Page);

        page.QuerySelector(".override[data-date='2026-03-03']").ShouldNotBeNull();
        page.QuerySelector("#override-form").ShouldBeNull();
        page.QuerySelector(".remove-override").ShouldBeNull();
        page.QuerySelector("#nav-holidays").ShouldNotBeNull();
        foreach (var refused in new[] { add, notice, remove })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
        }
        (await app.SnapshotAsync()).ShouldBe(before);

        foreach (var (role, other) in others)
        {
            var get = await other.GetAsync(Page);
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
            get.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
            (await other.PostFormAsync(Page, Override("2026-03-04", "DayOff"), "/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
