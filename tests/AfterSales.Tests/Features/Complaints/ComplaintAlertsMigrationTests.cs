using AfterSales.Features.Complaints;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>
/// A database from before complaint alerts joined the inbox is upgraded without surprises: the old
/// alerts arrive read, a case closed after a declined remedy no longer has a running resolution
/// clock, and no remedy note keeps the internal fairness justification.
/// </summary>
public sealed class ComplaintAlertsMigrationTests
{
    [Fact]
    public async Task Upgrading_an_older_database_keeps_its_complaint_alerts_as_read_and_cleans_what_customers_could_see()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync(major: true);
        var manager = await app.SignInAsync(Roles.Manager);
        await OkAsync(
            ActAsync(
                manager,
                id,
                "Explain",
                new() { ["ExplanationText"] = "电源故障，明日更换", ["CommittedResolution"] = "2026-11-27T18:00" }
            )
        );
        await OkAsync(ActAsync(manager, id, "Remedy", new() { ["Kind"] = "Apology", ["Detail"] = "书面致歉" }));
        var closedAt = new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

        // Back to the schema before the move, with data as the older version wrote it.
        await app.DbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("ComplaintAlertsInInbox");
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ComplaintAlerts" ("ComplaintId", "Kind", "Breached", "CreatedAtUtc") VALUES ({id}, 'ComplaintReply', {true}, {closedAt})"""
            );
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Complaints" SET "Status" = 'Closed', "ClosedAtUtc" = {closedAt} WHERE "Id" = {id}"""
            );
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "ComplaintEvents" SET "Note" = "Note" || ' · 公平性说明：参照同类案例' WHERE "Type" = 'RemedyProposed'"""
            );
            await db.Database.MigrateAsync();
        });

        var alert = await app.DbAsync(db => db.Alerts.SingleAsync(a => a.ComplaintId == id && a.Kind == ClockKind.ComplaintReply));
        (alert.Type, alert.RecipientKey, alert.ReadAtUtc).ShouldBe((AlertType.Breached, Alert.ComplaintDesk, (DateTime?)closedAt));
        var complaint = await world.FindAsync(id);
        complaint.ClockOf(ClockKind.ComplaintResolution)!.MetAtUtc.ShouldBe(closedAt);
        var remedy = complaint.Events.Single(e => e.Type == ComplaintEventType.RemedyProposed);
        remedy.Note.ShouldNotBeNull().ShouldNotContain("公平性说明");
        remedy.Note.ShouldContain("书面致歉");
    }
}
