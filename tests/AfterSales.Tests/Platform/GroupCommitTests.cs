using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Tests.Features.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Platform;

/// <summary>Many intakes at once share durable commits, and each one still stands or falls alone.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Sixty_four_work_orders_opened_at_once_by_two_clients_all_land_with_distinct_numbers_and_their_own_author()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent, userName: "agent-li");
        var cti = await app.ApiKeyClientAsync(Policies.HandleWorkOrders);

        var posts = Enumerable
            .Range(0, 64)
            .Select(i =>
                (i % 2 == 0 ? agent : cti).PostJsonAsync(
                    "/api/v1/work-orders",
                    new { customerId = world.CustomerId, description = $"灯箱不亮 {i}" }
                )
            );
        var answers = await Task.WhenAll(posts);

        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var created = await Task.WhenAll(answers.Select(r => r.ReadJsonAsync<WorkOrderOutput>()));
        created.Select(w => w.Number).Distinct().Count().ShouldBe(64);
        created.Select(w => w.Number).Order().Last().ShouldBe("GD-20261125-0064");
        var authors = await app.DbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(WorkOrder) && a.Action == AuditAction.Created)
                .GroupBy(a => a.UserName)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync()
        );
        authors.Single(a => a.Key == "agent-li").Count.ShouldBe(32);
        authors.Sum(a => a.Count).ShouldBe(64);
    }

    [Fact]
    public async Task A_write_refused_inside_a_batch_undoes_only_itself()
    {
        await using var app = new AppFactory();
        var world = await WorkOrderWorld.ArrangeAsync(app);
        using var scope = app.Services.CreateScope();
        var writer = scope.ServiceProvider.GetRequiredService<GroupCommit>();
        var me = scope.ServiceProvider.GetRequiredService<CurrentUser>();

        var writes = Enumerable
            .Range(0, 20)
            .Select(i =>
                writer.WriteAsync(
                    me,
                    async (db, ct) =>
                    {
                        var number = await WorkOrderNumbers.NextAsync(db, app.Clock.GetUtcNow().UtcDateTime, ct);
                        if (i == 7)
                            throw new DomainException("不受理");
                        return number;
                    }
                )
            )
            .ToList();

        await Should.ThrowAsync<DomainException>(() => writes[7]);
        var numbers = await Task.WhenAll(writes.Where((_, i) => i != 7));
        numbers.Distinct().Count().ShouldBe(19);
        // The refused write's counter step was rolled back with it: the 19 others hold 1…19.
        (await app.DbAsync(db => db.Set<DailyCounter>().SingleAsync())).Last.ShouldBe(19);
    }
}
