using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// Sensible checklists for the signage the tender names, added once per product type that has
/// none; admins edit them afterwards. Promotional goods are replaced, not inspected.
/// </summary>
internal static class ChecklistSeed
{
    static readonly (string Code, string Text, string En)[] Items =
    [
        ("billboard", "固定件与焊缝牢固", "Fixings and welds firm"),
        ("billboard", "无锈蚀", "No corrosion"),
        ("billboard", "画面完好", "Panel intact"),
        ("billboard", "照明与线路安全", "Lighting and wiring safe"),
        ("honor-wall", "面板粘接牢固", "Panels firmly bonded"),
        ("honor-wall", "无开裂", "No cracks"),
        ("honor-wall", "无褪色", "No fading"),
        ("light-box", "用电安全（漏电、接地）", "Electrical safety (leakage, earthing)"),
        ("light-box", "灯管/灯珠正常", "Lamps working"),
        ("light-box", "密封良好、无进水", "Seal intact, no water ingress"),
        ("door-plate", "安装牢固", "Firmly fixed"),
        ("door-plate", "字迹清晰", "Legible"),
        ("direction-sign", "安装牢固", "Firmly fixed"),
        ("direction-sign", "字迹清晰、指向正确", "Legible, pointing the right way"),
        ("department-sign", "安装牢固", "Firmly fixed"),
        ("department-sign", "字迹清晰", "Legible"),
        ("desk-sign", "完好、字迹清晰", "Intact and legible"),
        ("lamp-pole-flag", "卡箍牢固", "Clamps firm"),
        ("lamp-pole-flag", "旗面完好、无破损褪色", "Fabric intact, not torn or faded"),
        ("notice-board", "安装牢固", "Firmly fixed"),
        ("notice-board", "玻璃/面板完好、锁具正常", "Glass or panel intact, lock working"),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var types = await db.ProductTypes.AsNoTracking().Select(t => new { t.Id, t.Code }).ToListAsync(ct);
        var withItems = await db.ChecklistItems.Select(i => i.ProductTypeId).Distinct().ToListAsync(ct);
        foreach (var type in types.Where(t => !withItems.Contains(t.Id)))
        {
            var items = Items.Where(i => i.Code == type.Code).Select((i, n) => ChecklistItem.Create(type.Id, i.Text, i.En, (n + 1) * 10));
            db.ChecklistItems.AddRange(items);
        }
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);
    }
}
