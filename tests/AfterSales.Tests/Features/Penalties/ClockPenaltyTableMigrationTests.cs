using AfterSales.Features.Penalties;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// A database from before the clocks' accrual state had a table of its own is upgraded with every
/// clock's state as it stood: the periods charged and the next check move with it, so nothing is
/// charged twice and nothing due is forgotten.
/// </summary>
public sealed class ClockPenaltyTableMigrationTests
{
    static readonly DateTime T0 = AppFactory.T0.UtcDateTime;

    [Fact]
    public async Task Upgrading_an_older_database_keeps_each_clocks_periods_charged_and_next_check()
    {
        await using var app = new AppFactory();
        var world = await PenaltyWorld.ArrangeAsync(app);
        var id = await world.OpenAsync();
        var nextCheck = T0.AddHours(100);

        // Back to the schema before the move, with a clock's state as the older version wrote it.
        await app.DbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("PartialPenaltyKeyIndexes");
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "WorkOrderClocks" SET "PenaltyPeriods" = 2, "PenaltyCheckUtc" = {nextCheck} WHERE "WorkOrderId" = {id} AND "Kind" = 'Restore'"""
            );
            await db.Database.MigrateAsync();
        });

        var clocks = await app.DbAsync(db => db.WorkOrderClocks.AsNoTracking().Where(c => c.WorkOrderId == id).ToListAsync());
        var restore = clocks.Single(c => c.Kind == ClockKind.Restore);
        (restore.PenaltyPeriods, restore.PenaltyCheckUtc).ShouldBe((2, (DateTime?)nextCheck));
        var response = clocks.Single(c => c.Kind == ClockKind.Response);
        (response.PenaltyPeriods, response.PenaltyCheckUtc).ShouldBe((0, response.DueUtc));

        // The accrual goes on from there: at the next check the third day is charged, not the first two.
        app.Clock.SetUtcNow(nextCheck.AddMinutes(1));
        await world.AccrueAsync();
        (await world.EntriesAsync(id)).Where(e => e.Kind == PenaltyKind.LateRestoration).Select(e => e.Period).ShouldBe([3]);
    }
}
