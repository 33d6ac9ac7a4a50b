using System.Net;
using System.Text.Json;
using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Customers;

public sealed class CustomerIsolationTests
{
    [Fact]
    public async Task A_customer_user_gets_404_for_another_customers_card_exactly_as_for_a_missing_one()
    {
        await using var app = new AppFactory();
        var own = await app.AddCustomerAsync("杭州市第一中学");
        var other = await app.AddCustomerAsync("浙江省人民医院", CustomerCategory.Hospital);
        var customer = await app.SignInAsync(Roles.Customer, own.Id);

        var others = await customer.GetAsync($"/Customers/{other.Id}");
        var missing = await customer.GetAsync("/Customers/424242");

        others.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await others.ComparableBodyAsync()).ShouldBe(await missing.ComparableBodyAsync());
        (await others.Content.ReadAsStringAsync()).ShouldNotContain("浙江省人民医院");
    }

    [Fact]
    public async Task A_customer_user_gets_404_from_the_api_for_another_customer_and_its_contacts_and_sites()
    {
        await using var app = new AppFactory();
        var own = await app.AddCustomerAsync("杭州市第一中学");
        Contact contact = null!;
        Site site = null!;
        var other = await app.AddCustomerAsync(
            "浙江省人民医院",
            CustomerCategory.Hospital,
            arrange: c =>
            {
                contact = c.AddContact("陈丽华", "13905716688", null, null, true);
                site = c.AddSite("院本部", "上塘路 158 号");
            }
        );
        var customer = await app.SignInAsync(Roles.Customer, own.Id);

        var responses = new[]
        {
            await customer.GetAsync($"/api/v1/customers/{other.Id}"),
            await customer.GetAsync($"/api/v1/customers/{other.Id}/contacts/{contact.Id}"),
            await customer.GetAsync($"/api/v1/customers/{other.Id}/sites/{site.Id}"),
        };
        var missing = await customer.GetAsync("/api/v1/customers/424242");

        var expected = await Shape(missing);
        foreach (var response in responses)
            (await Shape(response)).ShouldBe(expected);
    }

    [Fact]
    public async Task The_api_list_of_a_customer_user_holds_only_its_own_customer()
    {
        await using var app = new AppFactory();
        var own = await app.AddCustomerAsync("杭州市第一中学");
        await app.AddCustomerAsync("杭州市第二中学");
        await app.AddCustomerAsync("浙江省人民医院", CustomerCategory.Hospital);
        var customer = await app.SignInAsync(Roles.Customer, own.Id);

        var all = await (await customer.GetAsync("/api/v1/customers")).ReadJsonAsync<PagedResult<CustomerSummary>>();
        var searched = await (await customer.GetAsync("/api/v1/customers?q=中学")).ReadJsonAsync<PagedResult<CustomerSummary>>();

        all.Items.Select(c => c.Id).ShouldBe([own.Id]);
        all.Total.ShouldBe(1);
        searched.Items.Select(c => c.Id).ShouldBe([own.Id]);
    }

    [Fact]
    public async Task A_customer_user_opening_the_list_is_sent_to_its_own_card_without_edit_buttons_or_audit_trail()
    {
        await using var app = new AppFactory();
        var own = await app.AddCustomerAsync("杭州市第一中学", arrange: c => c.AddContact("王建国", "13857112345", null, null, true));
        var customer = await app.SignInAsync(Roles.Customer, own.Id);

        var list = await customer.GetAsync("/Customers");
        list.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list.Headers.Location!.ToString().ShouldBe($"/Customers/{own.Id}");

        var card = await customer.GetPageAsync($"/Customers/{own.Id}");
        card.Text("#customer-name").ShouldBe("杭州市第一中学");
        card.Text("#contacts").ShouldContain("王建国");
        foreach (var selector in new[] { "#edit-customer", "#add-contact", "#add-site", "#new-contract", "#new-asset", "#audit-trail" })
            card.QuerySelector(selector).ShouldBeNull(selector);
        card.QuerySelectorAll("#contacts form").Length.ShouldBe(0);
    }

    [Fact]
    public async Task A_customer_user_cannot_create_or_change_customers()
    {
        await using var app = new AppFactory();
        var own = await app.AddCustomerAsync("杭州市第一中学");
        var customer = await app.SignInAsync(Roles.Customer, own.Id);
        var before = await app.SnapshotAsync();
        var body = new
        {
            name = "篡改",
            creditCode = own.CreditCode,
            category = "School",
        };

        (await customer.PostJsonAsync("/api/v1/customers", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.PutJsonAsync($"/api/v1/customers/{own.Id}", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.DeleteAsync($"/api/v1/customers/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (
            await customer.PostJsonAsync($"/api/v1/customers/{own.Id}/contacts", new { name = "X", phone = "13857112345" })
        ).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var url in new[] { "/Customers/New", $"/Customers/{own.Id}/Edit", $"/Customers/{own.Id}/Contacts/New" })
        {
            var page = await customer.GetAsync(url);
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            page.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    /// <summary>What a caller can tell from a 404: status, title, and the fields of the problem (the trace id differs per request).</summary>
    static async Task<string> Shape(HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync<JsonElement>();
        var fields = problem.EnumerateObject().Select(p => p.Name).Where(n => n != "traceId").Order(StringComparer.Ordinal);
        return $"{(int)response.StatusCode} {problem.GetProperty("title").GetString()} {string.Join(",", fields)}";
    }
}
