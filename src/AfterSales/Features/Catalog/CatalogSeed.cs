using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Catalog;

/// <summary>The product types the tender lists; added once, then edited by admins.</summary>
internal static class CatalogSeed
{
    static readonly (string Code, string Name, string En, ProductGroup Group)[] Tender =
    [
        ("door-plate", "门牌", "Door plate", ProductGroup.Signage),
        ("billboard", "广告牌", "Billboard", ProductGroup.Signage),
        ("honor-wall", "荣誉墙/背景墙", "Honor / background wall", ProductGroup.Signage),
        ("light-box", "灯箱", "Light box", ProductGroup.Signage),
        ("direction-sign", "指示牌", "Direction sign", ProductGroup.Signage),
        ("department-sign", "科室牌", "Department sign", ProductGroup.Signage),
        ("desk-sign", "桌牌", "Desk sign", ProductGroup.Signage),
        ("lamp-pole-flag", "灯杆旗", "Lamp-pole flag", ProductGroup.Signage),
        ("notice-board", "公告栏", "Notice board", ProductGroup.Signage),
        ("banner", "横幅", "Banner", ProductGroup.Promotional),
        ("trophy", "奖杯", "Trophy", ProductGroup.Promotional),
        ("medal", "奖牌", "Medal", ProductGroup.Promotional),
        ("certificate", "证书", "Certificate", ProductGroup.Promotional),
        ("cup", "水杯", "Cup", ProductGroup.Promotional),
        ("uniform", "工作服", "Uniform", ProductGroup.Promotional),
        ("fan", "扇子", "Fan", ProductGroup.Promotional),
        ("ballot-box", "投票箱", "Ballot box", ProductGroup.Promotional),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.ProductTypes.AnyAsync(ct))
            return;
        db.ProductTypes.AddRange(Tender.Select((t, i) => ProductType.Create(t.Code, t.Name, t.En, t.Group, (i + 1) * 10)));
        await db.SaveChangesAsync(ct);
    }
}
