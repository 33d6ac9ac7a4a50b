using System.Net;
using System.Text.Json;
using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Contracts;

/// <summary>A customer user sees its own contracts and assets only; another's are "not found", like ids that do not exist.</summary>
public sealed class IsolationTests
{
    sealed record World(AppFactory App, HttpClient Customer, long MyContract, long MyAsset, long TheirContract, long TheirAsset);

    static async Task<World> ArrangeAsync(AppFactory app)
    {
        var school = await app.CustomerAsync("杭州市第一中学");
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var mine = await app.ContractAsync(school.CustomerId, "HT-MINE", new DateOnly(2025, 3, 15));
        var theirs = await app.ContractAsync(hospital.CustomerId, "HT-THEIRS", new DateOnly(2025, 3, 15));
        var myAsset = await app.AssetAsync(mine, school.SiteId, location: "我的教学楼");
        var theirAsset = await app.AssetAsync(theirs, hospital.SiteId, location: "他们的门诊楼");
        var user = await app.SignInAsync(Roles.Customer, school.CustomerId);
        return new World(app, user, mine, myAsset, theirs, theirAsset);
    }

    [Theory]
    [InlineData("/Contracts/{0}")]
    [InlineData("/Assets/{0}")]
    public async Task Another_customers_record_is_a_404_page_like_a_missing_one(string template)
    {
        await using var app = new AppFactory();
        var w = await ArrangeAsync(app);
        var theirs = template.StartsWith("/Contracts", StringComparison.Ordinal) ? w.TheirContract : w.TheirAsset;
        var mine = template.StartsWith("/Contracts", StringComparison.Ordinal) ? w.MyContract : w.MyAsset;

        var other = await w.Customer.GetAsync(string.Format(template, theirs));
        var missing = await w.Customer.GetAsync(string.Format(template, 424242));
        var own = await w.Customer.GetAsync(string.Format(template, mine));

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.ComparableBodyAsync()).ShouldBe(await missing.ComparableBodyAsync());
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/contracts/{0}")]
    [InlineData("/api/v1/assets/{0}")]
    public async Task Another_customers_record_is_a_404_in_the_api_like_a_missing_one(string template)
    {
        await using var app = new AppFactory();
        var w = await ArrangeAsync(app);
        var theirs = template.Contains("contracts", StringComparison.Ordinal) ? w.TheirContract : w.TheirAsset;

        var other = await w.Customer.GetAsync(string.Format(template, theirs));
        var missing = await w.Customer.GetAsync(string.Format(template, 424242));

        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Without("traceId", await other.Content.ReadAsStringAsync()).ShouldBe(Without("traceId", await missing.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Lists_hold_only_the_customers_own_contracts_and_assets()
    {
        await using var app = new AppFactory();
        var w = await ArrangeAsync(app);

        var contracts = await (await w.Customer.GetAsync("/api/v1/contracts")).ReadJsonAsync<ContractList>();
        var assets = await (await w.Customer.GetAsync("/api/v1/assets")).ReadJsonAsync<AssetList>();
        var contractPage = await w.Customer.GetPageAsync("/Contracts");
        var assetPage = await w.Customer.GetPageAsync("/Assets");
        var searched = await (await w.Customer.GetAsync("/api/v1/contracts?q=THEIRS")).ReadJsonAsync<ContractList>();

        contracts.Items.Select(c => c.Number).ShouldBe(["HT-MINE"]);
        contracts.Total.ShouldBe(1);
        assets.Items.Select(a => a.Location).ShouldBe(["我的教学楼"]);
        contractPage.QuerySelectorAll(".contract-row").Select(r => r.GetAttribute("data-id")).ShouldBe([w.MyContract.ToString()]);
        assetPage.QuerySelectorAll(".asset-row").Select(r => r.GetAttribute("data-id")).ShouldBe([w.MyAsset.ToString()]);
        searched.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_customer_user_reads_but_does_not_change_contracts_or_assets()
    {
        await using var app = new AppFactory();
        var w = await ArrangeAsync(app);

        var page = await w.Customer.GetPageAsync($"/Contracts/{w.MyContract}");
        var delete = await w.Customer.DeleteAsync($"/api/v1/assets/{w.MyAsset}");

        page.QuerySelector("#edit-contract").ShouldBeNull();
        page.QuerySelector("#audit-trail").ShouldBeNull(); // the history is for staff
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    static string Without(string property, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString(new JsonSerializerOptions());
    }
}
