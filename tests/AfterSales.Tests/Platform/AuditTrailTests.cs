using AfterSales.Features.Admin.Audit;
using AfterSales.Features.Customers;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Tests.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Platform;

/// <summary>Who changed what, when, with old and new values; and the trail itself never changes.</summary>
public sealed class AuditTrailTests
{
    static Task<List<AuditEntry>> TrailAsync(AppFactory app, string type) =>
        app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Creating_and_editing_a_record_writes_entries_with_old_and_new_values()
    {
        await using var app = new AppFactory();
        var id = await app.CreateCustomerAsync("杭州市第一中学");
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        await app.DbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.Update("杭州第一中学", customer.CreditCode, CustomerCategory.School, null, "改名");
            customer.AddContact("王建国", "13857112345", null, null, true);
            await db.SaveChangesAsync();
        });

        var trail = await TrailAsync(app, "Customer");
        trail.Count.ShouldBe(2);
        trail[0].Action.ShouldBe(AuditAction.Created);
        trail[0].EntityId.ShouldBe(id.ToString());
        trail[0].UserName.ShouldBe("system");
        AuditSearch.Changes(trail[0]).ShouldContain(new AuditChange("Name", null, "杭州市第一中学"));
        trail[1].Action.ShouldBe(AuditAction.Updated);
        trail[1].AtUtc.ShouldBe(AppFactory.T0.UtcDateTime.AddMinutes(5));
        AuditSearch
            .Changes(trail[1])
            .ShouldBe([new AuditChange("Name", "杭州市第一中学", "杭州第一中学"), new AuditChange("Notes", null, "改名")]);
        var contact = (await TrailAsync(app, "Contact")).ShouldHaveSingleItem();
        (contact.ParentType, contact.ParentId).ShouldBe(("Customer", id.ToString()));
    }

    [Fact]
    public async Task A_change_to_a_user_account_by_an_admin_names_the_admin_and_the_old_and_new_roles()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "boss");
        var boss = await app.UserAsync("boss");

        await admin.PostFieldsAsync("/Admin/Users/Create", AdminTestHelpers.NewUser("newbie", "start-pass-1", null, Roles.Agent));
        var newbie = await app.UserAsync("newbie");
        await admin.PostFieldsAsync(
            $"/Admin/Users/Edit/{newbie.Id}",
            [("Input.DisplayName", newbie.DisplayName), ("Input.Roles", Roles.Manager)]
        );
        await admin.PostFormAsync($"/Admin/Users/Password/{newbie.Id}", new() { ["Input.Password"] = "other-pass-2" });

        var trail = await TrailAsync(app, "AppUser");
        trail.ShouldAllBe(e => e.EntityId == newbie.Id && e.UserId == boss.Id && e.UserName == "boss");
        trail.Select(e => e.Action).ShouldBe([AuditAction.Created, AuditAction.Updated, AuditAction.Updated]);
        AuditSearch.Changes(trail[0]).ShouldContain(new AuditChange("Roles", null, "Agent"));
        AuditSearch.Changes(trail[1]).ShouldBe([new AuditChange("Roles", "Agent", "Manager")]);
        AuditSearch.Changes(trail[2]).ShouldBe([new AuditChange("Password", "******", "******")]);
        trail.ShouldAllBe(e => !e.Changes.Contains("other-pass-2") && !e.Changes.Contains("start-pass-1"));
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin);

        await admin.PostFieldsAsync("/Admin/Users/Create", AdminTestHelpers.NewUser("weak", "short", null, Roles.Agent));
        await admin.PostFieldsAsync("/Admin/Users/Create", AdminTestHelpers.NewUser("weak", "nodigits-here", null, Roles.Agent));

        (await TrailAsync(app, "AppUser")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_through_the_context()
    {
        await using var app = new AppFactory();
        await app.CreateCustomerAsync();

        var edit = await Should.ThrowAsync<DomainException>(() =>
            app.DbAsync(async db =>
            {
                var entry = await db.AuditEntries.FirstAsync();
                db.Entry(entry).Property(e => e.UserName).CurrentValue = "someone else";
                await db.SaveChangesAsync();
            })
        );
        var delete = await Should.ThrowAsync<DomainException>(() =>
            app.DbAsync(async db =>
            {
                db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
                await db.SaveChangesAsync();
            })
        );

        edit.Message.ShouldBe("审计记录只能追加，不能修改或删除");
        delete.Message.ShouldBe("审计记录只能追加，不能修改或删除");
        var first = await app.DbAsync(db => db.AuditEntries.AsNoTracking().FirstAsync());
        first.UserName.ShouldBe("system");
    }
}
