using System.Net;

namespace AfterSales.Tests.Platform;

public sealed class AnonymousAccessTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Customers")]
    [InlineData("/Contracts")]
    [InlineData("/Assets")]
    [InlineData("/Catalog")]
    [InlineData("/Admin/Users")]
    [InlineData("/docs/api/v1")]
    public async Task A_page_sends_an_anonymous_visitor_to_the_login_page(string url)
    {
        await using var app = new AppFactory();

        var response = await app.Anonymous().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Theory]
    [InlineData("/api/v1/customers")]
    [InlineData("/api/v1/contracts")]
    [InlineData("/api/v1/assets")]
    [InlineData("/api/v1/product-types")]
    [InlineData("/openapi/v1.json")]
    public async Task The_api_answers_an_anonymous_caller_with_401(string url)
    {
        await using var app = new AppFactory();

        var response = await app.Anonymous().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_login_and_static_files_are_open_to_everyone()
    {
        await using var app = new AppFactory();
        var client = app.Anonymous();

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/lib/bootstrap/css/bootstrap.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_or_made_up_api_key_is_refused()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "ak_deadbeef_notarealsecret");

        var response = await client.GetAsync("/api/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
