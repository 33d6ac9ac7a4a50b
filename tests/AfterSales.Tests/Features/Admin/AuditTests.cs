using System.Net;
using AfterSales.Features.Admin;
using AfterSales.Features.Admin.Audit;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Admin;

public sealed class AuditTests
{
    static Task AddKeysAsync(AppFactory app, int count, string name = "key") =>
        app.DbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.Add(ApiKey.Create($"{name}{i}", [Policies.ReadAudit], "test", app.Clock.GetUtcNow().UtcDateTime).Key);
            await db.SaveChangesAsync();
        });

    static IEnumerable<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".audit-entry .changes").Select(c => c.TextContent);

    [Fact]
    public async Task The_audit_page_pages_through_the_newest_entries_first()
    {
        await using var app = new AppFactory();
        await AddKeysAsync(app, 55);
        var auditor = await app.SignInAsync(Roles.Auditor);

        var first = await auditor.GetPageAsync("/Admin/Audit?entityType=ApiKey");
        var second = await auditor.GetPageAsync(first.QuerySelector("#next-page")!.GetAttribute("href")!);

        first.QuerySelectorAll(".audit-entry").Length.ShouldBe(50);
        second.QuerySelectorAll(".audit-entry").Length.ShouldBe(5);
        second.QuerySelector("#next-page").ShouldBeNull();
        Names(first).First().ShouldContain("key54");
        Names(second).Last().ShouldContain("key0");
        first.Text(".audit-entry .record").ShouldStartWith("API 密钥 #");
        first.Text(".audit-entry .action").ShouldBe("创建记录");
    }

    [Fact]
    public async Task The_audit_page_filters_by_record_type_user_and_date()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "boss");
        await admin.PostFieldsAsync("/Admin/ApiKeys", [("Input.Name", "by-boss"), ("Input.Scopes", Policies.ReadAudit)]);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await AddKeysAsync(app, 1, "later");
        await app.CreateCustomerAsync("杭州市第一中学");
        var auditor = await app.SignInAsync(Roles.Auditor);

        var byBoss = await auditor.GetPageAsync("/Admin/Audit?user=bos");
        var customers = await auditor.GetPageAsync("/Admin/Audit?entityType=Customer");
        var onTheFirstDay = await auditor.GetPageAsync("/Admin/Audit?entityType=ApiKey&from=2026-11-25&to=2026-11-25");
        var fromTheThirdDay = await auditor.GetPageAsync("/Admin/Audit?entityType=ApiKey&from=2026-11-27");

        Names(byBoss).ShouldHaveSingleItem().ShouldContain("by-boss");
        Names(customers).ShouldHaveSingleItem().ShouldContain("杭州市第一中学");
        Names(onTheFirstDay).ShouldHaveSingleItem().ShouldContain("by-boss");
        Names(fromTheThirdDay).ShouldHaveSingleItem().ShouldContain("later0");
    }

    [Fact]
    public async Task The_filter_answers_htmx_with_the_list_alone()
    {
        await using var app = new AppFactory();
        await AddKeysAsync(app, 1);
        var manager = await app.SignInAsync(Roles.Manager);

        var response = await manager.GetHtmxAsync("/Admin/Audit?entityType=ApiKey");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<div id=\"audit-list\">");
        html.ShouldContain("key0");
    }

    [Fact]
    public async Task The_audit_api_returns_a_records_history_with_parsed_changes()
    {
        await using var app = new AppFactory();
        var admin = await app.SignInAsync(Roles.Admin, userName: "boss");
        var user = await app.CreateUserAsync("wangwu", Roles.Agent);
        await admin.PostFieldsAsync(
            $"/Admin/Users/Edit/{user.Id}",
            [("Input.DisplayName", "王五"), ("Input.Roles", Roles.Agent), ("Input.Roles", Roles.Expert)]
        );
        await AddKeysAsync(app, 3);
        var machine = await app.ApiKeyClientAsync(Policies.ReadAudit);

        var history = await (await machine.GetAsync($"/api/v1/audit?entityType=AppUser&entityId={user.Id}")).ReadJsonAsync<AuditPage>();
        var keys = await (await machine.GetAsync("/api/v1/audit?entityType=ApiKey&page=1")).ReadJsonAsync<AuditPage>();

        var change = history.Items.ShouldHaveSingleItem();
        change.Action.ShouldBe(AuditAction.Updated);
        change.UserName.ShouldBe("boss");
        change.Changes.ShouldContain(new AuditChange("DisplayName", "wangwu", "王五"));
        change.Changes.ShouldContain(new AuditChange("Roles", "Agent", "Agent,Expert"));
        keys.Items.Count.ShouldBe(4);
        keys.HasMore.ShouldBeFalse();
        var beyond = await (await machine.GetAsync("/api/v1/audit?entityType=ApiKey&page=2")).ReadJsonAsync<AuditPage>();
        beyond.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Managers_auditors_and_admins_read_the_audit_trail(string role)
    {
        await using var app = new AppFactory();
        var client = await app.SignInAsync(role);

        (await client.GetAsync("/Admin/Audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Customer)]
    public async Task Other_roles_are_refused_the_audit_trail(string role)
    {
        await using var app = new AppFactory();
        var customerId = role == Roles.Customer ? await app.CreateCustomerAsync() : (long?)null;
        var client = await app.SignInAsync(role, customerId);

        (await client.GetAsync("/Admin/Audit")).Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_auditor_sees_only_the_audit_tab_of_the_admin_pages()
    {
        await using var app = new AppFactory();
        var auditor = await app.SignInAsync(Roles.Auditor);

        var page = await auditor.GetPageAsync("/Admin/Audit");

        page.QuerySelectorAll("#admin-nav a").Select(a => a.GetAttribute("href")).ShouldBe(["/Admin/Audit"]);
    }
}
