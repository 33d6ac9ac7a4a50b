using System.Net;
using System.Text.Json;
using AfterSales.Features.Assets;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Contracts;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Assets;

public sealed class AssetsApiTests
{
    internal static Dictionary<string, object?> NewAsset(long contractId, long siteId, long productTypeId) =>
        new()
        {
            ["contractId"] = contractId,
            ["siteId"] = siteId,
            ["productTypeId"] = productTypeId,
            ["quantity"] = 120,
            ["location"] = "教学楼 A、B 栋各教室门口",
            ["installedOn"] = "2025-03-10",
        };

    [Fact]
    public async Task An_editor_creates_reads_changes_and_deletes_an_asset()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var doorPlate = await app.ProductTypeIdAsync("door-plate");
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);

        var created = await api.PostJsonAsync("/api/v1/assets", NewAsset(contract, customer.SiteId, doorPlate));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var asset = await (await api.GetAsync(created.Headers.Location!.ToString())).ReadJsonAsync<AssetOutput>();
        var change = NewAsset(contract, customer.SiteId, doorPlate);
        change["quantity"] = 118;
        change["notes"] = "两块损坏已更换";
        var changed = await (await api.PutJsonAsync($"/api/v1/assets/{asset.Id}", change)).ReadJsonAsync<AssetOutput>();
        var deleted = await api.DeleteAsync($"/api/v1/assets/{asset.Id}");

        asset.CustomerId.ShouldBe(customer.CustomerId);
        asset.CustomerName.ShouldBe("杭州市第一中学");
        asset.ContractNumber.ShouldBe("HT-1");
        asset.SiteName.ShouldBe("东校区");
        asset.ProductTypeCode.ShouldBe("door-plate");
        (asset.Quantity, asset.InstalledOn).ShouldBe((120, new DateOnly(2025, 3, 10)));
        (asset.WarrantyStatus, asset.WarrantyUntil).ShouldBe((WarrantyStatus.InWarranty, new DateOnly(2027, 3, 14)));
        (changed.Quantity, changed.Notes).ShouldBe((118, "两块损坏已更换"));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/assets/{asset.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var trail = await app.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Asset").Select(e => e.Action).ToListAsync());
        trail.Select(a => a.ToString()).ShouldBe(["Created", "Updated", "Deleted"]);
    }

    [Fact]
    public async Task The_warranty_status_comes_from_the_contract()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var expired = await app.ContractAsync(customer.CustomerId, "OLD", new DateOnly(2023, 6, 1));
        var open = await app.ContractAsync(customer.CustomerId, "OPEN");
        await app.AssetAsync(expired, customer.SiteId, location: "旧楼");
        await app.AssetAsync(open, customer.SiteId, location: "新楼");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        var all = await (await api.GetAsync("/api/v1/assets")).ReadJsonAsync<AssetList>();
        var notDelivered = await (await api.GetAsync("/api/v1/assets?warranty=NotDelivered")).ReadJsonAsync<AssetList>();

        all.Items.Single(a => a.Location == "旧楼").WarrantyStatus.ShouldBe(WarrantyStatus.Expired);
        all.Items.Single(a => a.Location == "新楼").WarrantyStatus.ShouldBe(WarrantyStatus.NotDelivered);
        notDelivered.Items.Select(a => a.Location).ShouldBe(["新楼"]);
    }

    [Fact]
    public async Task The_list_searches_by_location_product_type_and_customer_and_pages()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync("杭州市第一中学");
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var c1 = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var c2 = await app.ContractAsync(hospital.CustomerId, "HT-2", new DateOnly(2025, 3, 15));
        for (var i = 1; i <= 22; i++)
            await app.AssetAsync(c1, school.SiteId, location: $"教室 {i}");
        await app.AssetAsync(c2, hospital.SiteId, "light-box", "急诊入口");
        var api = await app.ApiKeyClientAsync(Policies.ReadMasterData);
        var lightBox = await app.ProductTypeIdAsync("light-box");

        async Task<AssetList> List(string query) => await (await api.GetAsync($"/api/v1/assets{query}")).ReadJsonAsync<AssetList>();

        var first = await List("");
        var second = await List($"?customerId={school.CustomerId}&page=2");
        (first.Total, first.Items.Count, first.PageSize).ShouldBe((23, 20, 20));
        (second.Total, second.Items.Count).ShouldBe((22, 2));
        (await List("?q=急诊")).Items.Single().Location.ShouldBe("急诊入口");
        (await List("?q=灯箱")).Items.Single().Location.ShouldBe("急诊入口");
        (await List("?q=light")).Items.Single().Location.ShouldBe("急诊入口");
        (await List("?q=人民医院")).Items.Single().Location.ShouldBe("急诊入口");
        (await List($"?productTypeId={lightBox}")).Items.Single().Location.ShouldBe("急诊入口");
        (await List($"?contractId={c1}")).Total.ShouldBe(22);
    }

    [Fact]
    public async Task An_asset_with_documents_is_not_deleted()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var asset = await app.AssetAsync(contract, customer.SiteId);
        await app.DbAsync(async db =>
        {
            db.Documents.Add(
                Document.Create(
                    customer.CustomerId,
                    DocumentOwner.Asset,
                    asset,
                    DocumentKind.InstallationPhoto,
                    "step1.jpg",
                    "image/jpeg",
                    1234,
                    new string('a', 64),
                    false,
                    1,
                    null,
                    "test",
                    app.Clock.GetUtcNow().UtcDateTime
                )
            );
            await db.SaveChangesAsync();
        });
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await api.DeleteAsync($"/api/v1/assets/{asset}");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("该设备有1份文档，不能删除");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_assets_are_404()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1");
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);
        var body = NewAsset(contract, customer.SiteId, await app.ProductTypeIdAsync("door-plate"));

        (await api.GetAsync("/api/v1/assets/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PutJsonAsync("/api/v1/assets/424242", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.DeleteAsync("/api/v1/assets/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    internal static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
