using System.Net;
using System.Text.Json;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Customers;

public sealed class CustomersApiTests
{
    [Fact]
    public async Task A_customer_is_created_read_changed_and_deleted_through_the_api()
    {
        await using var app = new AppFactory();
        var api = await app.SignInAsync(Roles.Agent);
        var code = CustomerBuilders.ValidCode();

        var created = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = " 杭州市第一中学 ",
                creditCode = code.ToLowerInvariant(),
                category = "School",
                notes = "东、西两个校区",
            }
        );

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var customer = await created.ReadJsonAsync<CustomerDetails>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/{customer.Id}");
        customer.Name.ShouldBe("杭州市第一中学");
        customer.CreditCode.ShouldBe(code);
        customer.CreditCodeCheck.ShouldBe(CreditCodeCheck.Valid);
        customer.TimeZone.ShouldBe("Asia/Shanghai");

        var changed = await api.PutJsonAsync(
            $"/api/v1/customers/{customer.Id}",
            new
            {
                name = "杭州第一中学",
                creditCode = code,
                category = "Government",
                timeZone = "Asia/Urumqi",
            }
        );
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await (await api.GetAsync($"/api/v1/customers/{customer.Id}")).ReadJsonAsync<CustomerDetails>();
        read.Name.ShouldBe("杭州第一中学");
        read.Category.ShouldBe(CustomerCategory.Government);
        read.TimeZone.ShouldBe("Asia/Urumqi");
        read.Notes.ShouldBeNull();

        (await api.DeleteAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await app.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Customer").CountAsync());
        audit.ShouldBe(3);
    }

    [Fact]
    public async Task A_failing_checksum_is_saved_only_when_the_client_confirms_it()
    {
        await using var app = new AppFactory();
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData, Policies.EditMasterData);
        var code = CustomerBuilders.FailingCode();
        var before = await app.SnapshotAsync();

        var refused = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = "某某公司",
                creditCode = code,
                category = "Enterprise",
            }
        );

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.FieldErrorsAsync("creditCode")).ShouldContain("confirmChecksumWarning");
        (await app.SnapshotAsync()).ShouldBe(before);

        var confirmed = await api.PostJsonAsync(
            "/api/v1/customers",
            new
            {
                name = "某某公司",
                creditCode = code,
                category = "Enterprise",
                confirmChecksumWarning = true,
            }
        );

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var customer = await confirmed.ReadJsonAsync<CustomerDetails>();
        customer.CreditCodeCheck.ShouldBe(CreditCodeCheck.ChecksumFails);

        // The code on file was confirmed once; changing the name does not ask again.
        var renamed = await api.PutJsonAsync(
            $"/api/v1/customers/{customer.Id}",
            new
            {
                name = "某某有限公司",
                creditCode = code,
                category = "Enterprise",
            }
        );
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_with_a_contract_cannot_be_deleted()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学", arrange: c => c.AddSite("东校区", "凤起路 235 号"));
        await app.AddContractAsync(customer.Id, "HT-2025-0012", new DateOnly(2025, 1, 10));
        var api = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await api.DeleteAsync($"/api/v1/customers/{customer.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync<JsonElement>())
            .GetProperty("detail")
            .GetString()
            .ShouldBe("用户单位“杭州市第一中学”还有1份合同，不能删除");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_customer_without_contracts_is_deleted_with_its_contacts_and_sites()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync(
            "杭州市第一中学",
            arrange: c =>
            {
                c.AddContact("王建国", "13857112345", null, null, true);
                c.AddSite("东校区", "凤起路 235 号");
            }
        );
        var api = await app.SignInAsync(Roles.Agent);

        (await api.DeleteAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.DbAsync(db => db.Contacts.CountAsync())).ShouldBe(0);
        (await app.DbAsync(db => db.Sites.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_customer_endpoints_are_described_in_the_openapi_document()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        var document = await (await agent.GetAsync("/openapi/v1.json")).ReadJsonAsync<JsonElement>();

        var paths = document.GetProperty("paths");
        foreach (
            var path in new[]
            {
                "/api/v1/customers",
                "/api/v1/customers/{id}",
                "/api/v1/customers/{id}/contacts",
                "/api/v1/customers/{id}/contacts/{contactId}",
                "/api/v1/customers/{id}/sites",
                "/api/v1/customers/{id}/sites/{siteId}",
            }
        )
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        paths.GetProperty("/api/v1/customers").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _).ShouldBeTrue();
    }
}
