using System.Net;
using AfterSales.Features.Inspections;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Inspections;

/// <summary>
/// 逐项检查: check-out needs a mark on every item of each asset's checklist as it stood when the
/// technician checked in; an admin's later edits neither add items to the visit nor take away one
/// already asked.
/// </summary>
public sealed class ChecklistMarkTests
{
    [Fact]
    public async Task Every_item_of_the_checklist_as_of_check_in_must_be_marked_before_check_out()
    {
        await using var app = new AppFactory();
        var a = await InspectionArrange.ArrangeAsync(app);
        var items = await a.ChecklistAsync(app);
        (await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/check-in", new { })).StatusCode.ShouldBe(
            HttpStatusCode.OK
        );
        // After check-in an admin adds an item and retires the last one asked.
        var last = items[^1];
        await app.DbAsync(async db =>
        {
            var retired = await db.ChecklistItems.SingleAsync(i => i.Id == last.Id);
            retired.Update(retired.Text, retired.TextEn, retired.SortOrder, active: false);
            db.ChecklistItems.Add(ChecklistItem.Create(last.ProductTypeId, "新增：基础沉降", "New: footing settlement", 99));
            await db.SaveChangesAsync();
        });
        foreach (var item in items.SkipLast(1))
            await MarkOkAsync(a, item.Id);
        await a.SignAsync();
        var before = await app.SnapshotAsync();

        var refused = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        (await refused.Content.ReadAsStringAsync()).ShouldContain("还有1个检查项未标记结果");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.DbAsync(db => db.InspectionRounds.Where(r => r.Id == a.RoundId).Select(r => r.Status).SingleAsync())).ShouldBe(
            RoundStatus.InProgress
        );

        // The retired item is still this visit's to mark; the new one is not asked on it.
        await MarkOkAsync(a, last.Id);
        var completed = await a.Technician.PostJsonAsync($"/api/v1/inspection-rounds/{a.RoundId}/complete", new { satisfaction = 5 });
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        (await completed.ReadJsonAsync<RoundOutput>())
            .Findings.Select(f => f.ChecklistItemId)
            .Order()
            .ShouldBe(items.Select(i => i.Id).Order());
    }

    static async Task MarkOkAsync(InspectionArrange a, long itemId)
    {
        var posted = await a.Technician.PostJsonAsync(
            $"/api/v1/inspection-rounds/{a.RoundId}/findings",
            new
            {
                assetId = a.World.AssetId,
                checklistItemId = itemId,
                result = "Ok",
            }
        );
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
    }
}
