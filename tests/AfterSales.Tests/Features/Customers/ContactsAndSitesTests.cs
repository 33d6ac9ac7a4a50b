using System.Net;
using System.Text.Json;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Customers;

public sealed class ContactsAndSitesTests
{
    [Fact]
    public async Task Contacts_are_added_changed_and_removed_through_the_api_with_one_primary()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.SignInAsync(Roles.Agent);
        var url = $"/api/v1/customers/{customer.Id}/contacts";

        var wang = await api.PostJsonAsync(
            url,
            new
            {
                name = "王建国",
                phone = "138 5711 2345",
                isPrimary = true,
            }
        );
        var li = await api.PostJsonAsync(
            url,
            new
            {
                name = "李老师",
                phone = "0571-87012345",
                email = "li@hz1z.example.cn",
            }
        );
        wang.StatusCode.ShouldBe(HttpStatusCode.Created);
        var wangId = (await wang.ReadJsonAsync<ContactOutput>()).Id;
        var liId = (await li.ReadJsonAsync<ContactOutput>()).Id;
        wang.Headers.Location!.ToString().ShouldBe($"{url}/{wangId}");

        var promoted = await api.PutJsonAsync(
            $"{url}/{liId}",
            new
            {
                name = "李红",
                email = "li@hz1z.example.cn",
                isPrimary = true,
            }
        );
        promoted.StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await (await api.GetAsync($"/api/v1/customers/{customer.Id}")).ReadJsonAsync<CustomerDetails>();
        read.Contacts.Select(c => (c.Name, c.Phone, c.IsPrimary)).ShouldBe([("李红", null, true), ("王建国", "13857112345", false)]);

        (await api.DeleteAsync($"{url}/{wangId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"{url}/{wangId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public static TheoryData<object, HttpStatusCode, string, string> BadContacts =>
        new()
        {
            { new { phone = "13857112345" }, HttpStatusCode.BadRequest, "name", "请填写姓名" },
            {
                new { name = "王建国", phone = "12345" },
                HttpStatusCode.UnprocessableEntity,
                "phone",
                "“12345”不是有效的手机或固定电话号码"
            },
            { new { name = "王建国" }, HttpStatusCode.UnprocessableEntity, "phone", "请至少填写电话或电子邮箱之一" },
            { new { name = "王建国", email = "wang-at-example.cn" }, HttpStatusCode.BadRequest, "email", "电子邮箱不是有效的电子邮箱地址" },
        };

    [Theory]
    [MemberData(nameof(BadContacts))]
    public async Task A_bad_contact_is_refused_and_nothing_is_saved(object body, HttpStatusCode status, string field, string message)
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync($"/api/v1/customers/{customer.Id}/contacts", body);

        response.StatusCode.ShouldBe(status);
        (await response.FieldErrorsAsync(field)).ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_contact_of_an_unknown_customer_is_404()
    {
        await using var app = new AppFactory();
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/customers/424242/contacts", new { name = "王建国", phone = "13857112345" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Sites_are_added_changed_and_removed_through_the_api()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData, Policies.EditMasterData);
        var url = $"/api/v1/customers/{customer.Id}/sites";

        var created = await api.PostJsonAsync(url, new { name = "东校区", address = "杭州市上城区凤起路 235 号" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var site = await created.ReadJsonAsync<SiteOutput>();
        var changed = await api.PutJsonAsync($"{url}/{site.Id}", new { name = "东校区", address = "杭州市上城区凤起路 237 号" });
        (await changed.ReadJsonAsync<SiteOutput>()).Address.ShouldBe("杭州市上城区凤起路 237 号");

        (await api.DeleteAsync($"{url}/{site.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.DbAsync(db => db.Sites.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_site_without_an_address_is_refused()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync($"/api/v1/customers/{customer.Id}/sites", new { name = "东校区", address = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.FieldErrorsAsync("address")).ShouldBe("请填写地址");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_site_with_assets_cannot_be_deleted_through_the_api_or_the_page()
    {
        await using var app = new AppFactory();
        Site site = null!;
        var customer = await app.AddCustomerAsync("杭州市第一中学", arrange: c => site = c.AddSite("东校区", "凤起路 235 号"));
        var contract = await app.AddContractAsync(customer.Id, "HT-2025-0012", new DateOnly(2025, 1, 10), new DateOnly(2025, 3, 1));
        await app.AddAssetAsync(contract, site.Id, "door-plate", 120, "教学楼", new DateOnly(2025, 2, 20));
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var api = await agent.DeleteAsync($"/api/v1/customers/{customer.Id}/sites/{site.Id}");
        var page = await agent.PostFormAsync(
            $"/Customers/{customer.Id}/Sites/{site.Id}/Edit?handler=Delete",
            [],
            $"/Customers/{customer.Id}/Sites/{site.Id}/Edit"
        );

        const string message = "地点“东校区”还有1条设备记录，不能删除；请先将设备移到其他地点";
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.ReadJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(message);
        page.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await page.ParseAsync()).Text(".validation-summary-errors").ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
