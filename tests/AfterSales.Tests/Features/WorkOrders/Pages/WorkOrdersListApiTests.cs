using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Pages;

public sealed class WorkOrdersListApiTests
{
    /// <summary>20 work orders of the first customer (every fifth about a light box), 5 of the second.</summary>
    static async Task<(WorkOrderWorld World, long OtherCustomerId, HttpClient Agent)> ArrangeAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.CustomerId).Select(c => c.Id).SingleAsync());
        var agent = await app.SignInAsync(Roles.Agent);
        for (var i = 0; i < 20; i++)
            await PageArrange.OpenAsync(agent, world.CustomerId, i % 5 == 0 ? $"灯箱闪烁 {i}" : $"广告牌松动 {i}", world.AssetId);
        for (var i = 0; i < 5; i++)
            await PageArrange.OpenAsync(agent, other, $"门牌脱落 {i}", world.OtherCustomerAssetId);
        return (world, other, agent);
    }

    static async Task<WorkOrderPage> ListAsync(HttpClient client, string query)
    {
        var r = await client.GetAsync($"/api/v1/work-orders?{query}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<WorkOrderPage>();
    }

    [Fact]
    public async Task Twenty_five_work_orders_come_in_two_pages_newest_first()
    {
        await using var app = new AppFactory();
        var (_, _, agent) = await ArrangeAsync(app);

        var first = await ListAsync(agent, "limit=20");
        var second = await ListAsync(agent, $"limit=20&after={first.Next}");

        first.Items.Count.ShouldBe(20);
        second.Items.Count.ShouldBe(5);
        second.Next.ShouldBeNull();
        var ids = first.Items.Concat(second.Items).Select(i => i.Id).ToList();
        ids.ShouldBe(ids.OrderByDescending(i => i).ToList());
        ids.Distinct().Count().ShouldBe(25);
        first.Next.ShouldBe(first.Items[^1].Id);
    }

    [Fact]
    public async Task Filters_and_a_chinese_substring_search_narrow_the_list()
    {
        await using var app = new AppFactory();
        var (world, other, agent) = await ArrangeAsync(app);
        await app.CreateUserAsync("tech-wu", Roles.Technician);
        var techId = await PageArrange.UserIdAsync(app, "tech-wu");
        var newest = (await ListAsync(agent, "limit=1")).Items.Single();
        await PageArrange.ActAsync(agent, newest.Id, new() { ["Input.Type"] = "dispatch", ["Input.TechnicianId"] = techId });

        (await ListAsync(agent, $"customerId={other}")).Items.ShouldAllBe(i => i.CustomerId == other && i.CustomerName == "宁波市人民医院");
        (await ListAsync(agent, $"customerId={world.CustomerId}")).Items.Count.ShouldBe(20);
        (await ListAsync(agent, "q=灯箱")).Items.Count.ShouldBe(4);
        (await ListAsync(agent, "q=人民医院")).Items.Count.ShouldBe(5);
        (await ListAsync(agent, "q=GD-20261125-0003")).Items.Single().Number.ShouldBe("GD-20261125-0003");
        (await ListAsync(agent, "status=Dispatched")).Items.Select(i => i.Id).ShouldBe([newest.Id]);
        (await ListAsync(agent, $"technicianId={techId}")).Items.Select(i => i.Id).ShouldBe([newest.Id]);
        (await ListAsync(agent, "channel=Hotline&limit=100")).Items.Count.ShouldBe(25);
        (await ListAsync(agent, "channel=Email")).Items.ShouldBeEmpty();
        (await ListAsync(agent, "major=true")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_lists_only_its_own_and_a_technician_only_the_assigned()
    {
        await using var app = new AppFactory();
        var (world, other, agent) = await ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, other);
        var tech = await app.SignInAsync(Roles.Technician, userName: "tech-qian");
        var oldest = await app.DbAsync(db => db.WorkOrders.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync());
        await PageArrange.ActAsync(
            agent,
            oldest,
            new() { ["Input.Type"] = "dispatch", ["Input.TechnicianId"] = await PageArrange.UserIdAsync(app, "tech-qian") }
        );

        var own = await ListAsync(customer, "limit=100");
        var asked = await ListAsync(customer, $"customerId={world.CustomerId}");
        var assigned = await ListAsync(tech, "limit=100");

        own.Items.Count.ShouldBe(5);
        own.Items.ShouldAllBe(i => i.CustomerId == other);
        asked.Items.ShouldBeEmpty();
        assigned.Items.Select(i => i.Id).ShouldBe([oldest]);
    }
}
