using AfterSales.Features.Assets;
using AfterSales.Features.Catalog;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Demo;

/// <summary>
/// A believable small installation for a first look: four customers with contacts, sites,
/// contracts, installed products and documents, and one user per role. Only on an empty database.
/// </summary>
internal static class DemoData
{
    public const string Password = "Demo-2026";

    /// <summary>Demo logins shown on the login page while demo mode is on.</summary>
    public static readonly (string User, string Role)[] Logins =
    [
        ("agent", Roles.Agent),
        ("dispatcher", Roles.Dispatcher),
        ("tech", Roles.Technician),
        ("expert", Roles.Expert),
        ("manager", Roles.Manager),
        ("customer", Roles.Customer),
        ("auditor", Roles.Auditor),
        ("admin", Roles.Admin),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Customers.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var types = await db.ProductTypes.ToDictionaryAsync(t => t.Code, ct);

        var school = Customer.Create(
            "杭州市第一中学",
            Code("12330100470111234"),
            CustomerCategory.School,
            null,
            "东、西两个校区，门牌与荣誉墙较多。",
            now
        );
        school.AddContact("王建国", "13857112345", "wangjg@hz1z.example.cn", "后勤处处长", true);
        school.AddContact("李老师", "0571-87012345", null, "校办", false);
        var schoolEast = school.AddSite("东校区", "杭州市上城区凤起路 235 号");
        var schoolWest = school.AddSite("西校区", "杭州市西湖区文三路 88 号");

        var hospital = Customer.Create("浙江省人民医院", Code("12330000470051727"), CustomerCategory.Hospital, null, null, now);
        hospital.AddContact("陈丽华", "13905716688", "chenlh@zjph.example.cn", "总务科科长", true);
        var hospitalMain = hospital.AddSite("院本部", "杭州市拱墅区上塘路 158 号");

        var district = Customer.Create("杭州市西湖区人民政府", Code("11330106002482345"), CustomerCategory.Government, null, null, now);
        district.AddContact("赵明", "0571-85012000", "zhaom@xihu.example.gov.cn", "机关事务中心", true);
        var districtHall = district.AddSite("区行政中心", "杭州市西湖区保俶路 196 号");

        var company = Customer.Create("华东建设集团有限公司", Code("91330100MA2H4X0Q1"), CustomerCategory.Enterprise, null, null, now);
        company.AddContact("孙悦", "18668001234", "sunyue@hdjs.example.com", "行政部", true);
        var companyHq = company.AddSite("集团总部", "杭州市滨江区江南大道 3688 号");

        db.Customers.AddRange(school, hospital, district, company);
        await db.SaveChangesAsync(ct);

        var c1 = Contract.Create(
            school.Id,
            "HT-2025-0012",
            "校园标识标牌及荣誉墙制作安装",
            38_650_000,
            today.AddMonths(-15),
            today.AddMonths(-13),
            today.AddMonths(-12),
            ServiceTerms.TenderDefaults(),
            now
        );
        var c2 = Contract.Create(
            hospital.Id,
            "HT-2024-0087",
            "院区导视系统及灯箱",
            126_800_050,
            today.AddMonths(-30),
            today.AddMonths(-27),
            today.AddMonths(-26),
            ServiceTerms.TenderDefaults() with
            {
                OnSiteHours = 8,
                PenaltyCapBp = 1_000,
            },
            now
        );
        var c3 = Contract.Create(
            district.Id,
            "HT-2026-0003",
            "行政中心门牌科室牌及宣传品",
            9_980_000,
            today.AddMonths(-2),
            null,
            null,
            ServiceTerms.TenderDefaults() with
            {
                Calendar = ServiceCalendarKind.BusinessHours,
            },
            now
        );
        var c4 = Contract.Create(
            company.Id,
            "HT-2023-0141",
            "总部广告牌及灯杆旗",
            55_000_000,
            today.AddMonths(-40),
            today.AddMonths(-38),
            today.AddMonths(-37),
            ServiceTerms.TenderDefaults(),
            now
        );
        db.Contracts.AddRange(c1, c2, c3, c4);
        await db.SaveChangesAsync(ct);

        db.Assets.AddRange(
            Asset.Create(c1, schoolEast, types["door-plate"], 120, "教学楼 A、B 栋各教室门口", c1.DeliveredOn, null, now),
            Asset.Create(c1, schoolEast, types["honor-wall"], 1, "行政楼一层大厅东侧", c1.DeliveredOn, "亚克力面板，LED 背光", now),
            Asset.Create(c1, schoolWest, types["billboard"], 2, "西校区正门两侧", c1.DeliveredOn, null, now),
            Asset.Create(c2, hospitalMain, types["direction-sign"], 64, "门诊楼各层电梯厅", c2.DeliveredOn, null, now),
            Asset.Create(c2, hospitalMain, types["light-box"], 12, "急诊入口及停车场", c2.DeliveredOn, null, now),
            Asset.Create(c2, hospitalMain, types["department-sign"], 180, "门诊及住院部科室门口", c2.DeliveredOn, null, now),
            Asset.Create(c3, districtHall, types["desk-sign"], 60, "三楼会议室", null, null, now),
            Asset.Create(c4, companyHq, types["billboard"], 1, "总部楼顶", c4.DeliveredOn, "钢结构，面积 60 m²", now),
            Asset.Create(c4, companyHq, types["lamp-pole-flag"], 40, "江南大道沿线", c4.DeliveredOn, null, now)
        );
        await db.SaveChangesAsync(ct);

        await DemoDocuments.SeedAsync(sp, c1, ct);
        await SeedUsersAsync(sp, school.Id, now);
    }

    static async Task SeedUsersAsync(IServiceProvider sp, long customerId, DateTime now)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, role) in Logins)
        {
            var user = new AppUser
            {
                UserName = name,
                DisplayName = $"{Roles.Title(role)}（演示）",
                CustomerId = role == Roles.Customer ? customerId : null,
                CreatedAtUtc = now,
            };
            var result = await users.CreateAsync(user, Password);
            if (result.Succeeded)
                await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A valid credit code from its first 17 characters.</summary>
    internal static string Code(string first17) => first17 + CreditCode.CheckCharacter(first17);
}
