using System.Net;
using System.Text.Json;
using AfterSales.Features.Assets;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Contracts;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Assets;

/// <summary>Every bad asset gets its field's message, and nothing is saved.</summary>
public sealed class AssetsApiValidationTests
{
    public static TheoryData<string, object?, HttpStatusCode, string, string> BadFields =>
        new()
        {
            { "quantity", 0, HttpStatusCode.BadRequest, "quantity", "数量应在1到1000000之间" },
            { "quantity", null, HttpStatusCode.BadRequest, "quantity", "请填写数量" },
            { "location", "", HttpStatusCode.BadRequest, "location", "请填写安装位置" },
            { "location", new string('东', 201), HttpStatusCode.BadRequest, "location", "安装位置不能超过200个字符" },
            { "contractId", 424242, HttpStatusCode.UnprocessableEntity, "contractId", "合同不存在" },
            { "siteId", 424242, HttpStatusCode.UnprocessableEntity, "siteId", "地点不存在" },
            { "productTypeId", 424242, HttpStatusCode.UnprocessableEntity, "productTypeId", "产品类型不存在" },
            { "installedOn", "2024-01-01", HttpStatusCode.UnprocessableEntity, "installedOn", "安装日期不能早于合同签订日期" },
        };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_asset_is_refused_with_its_message_and_nothing_is_saved(
        string field,
        object? value,
        HttpStatusCode status,
        string errorKey,
        string message
    )
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var body = AssetsApiTests.NewAsset(contract, customer.SiteId, await app.ProductTypeIdAsync("door-plate"));
        body[field] = value;
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync("/api/v1/assets", body);

        response.StatusCode.ShouldBe(status);
        (await AssetsApiTests.Errors(response))[errorKey].ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_site_of_another_customer_is_refused()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync();
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var contract = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await api.PostJsonAsync(
            "/api/v1/assets",
            AssetsApiTests.NewAsset(contract, hospital.SiteId, await app.ProductTypeIdAsync("door-plate"))
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await AssetsApiTests.Errors(response))["siteId"].ShouldContain("地点不属于该合同的用户单位");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Moving_an_asset_to_another_customers_contract_is_refused()
    {
        await using var app = new AppFactory();
        var school = await app.CustomerAsync();
        var hospital = await app.CustomerAsync("浙江省人民医院", "院本部");
        var mine = await app.ContractAsync(school.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var theirs = await app.ContractAsync(hospital.CustomerId, "HT-2", new DateOnly(2025, 3, 15));
        var asset = await app.AssetAsync(mine, school.SiteId);
        var api = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await api.PutJsonAsync(
            $"/api/v1/assets/{asset}",
            AssetsApiTests.NewAsset(theirs, hospital.SiteId, await app.ProductTypeIdAsync("door-plate"))
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await AssetsApiTests.Errors(response))["contractId"].ShouldContain("设备不能转到其他用户单位的合同");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_deactivated_product_type_is_not_offered_for_new_assets_but_existing_ones_keep_it()
    {
        await using var app = new AppFactory();
        var customer = await app.CustomerAsync();
        var contract = await app.ContractAsync(customer.CustomerId, "HT-1", new DateOnly(2025, 3, 15));
        var fan = await app.ProductTypeIdAsync("fan");
        var existing = await app.AssetAsync(contract, customer.SiteId, "fan");
        var manager = await app.SignInAsync(Roles.Manager);
        await manager.PutJsonAsync(
            $"/api/v1/product-types/{fan}",
            new
            {
                name = "扇子",
                nameEn = "Fan",
                group = "Promotional",
                active = false,
            }
        );
        var before = await app.SnapshotAsync();

        var refused = await manager.PostJsonAsync("/api/v1/assets", AssetsApiTests.NewAsset(contract, customer.SiteId, fan));
        var kept = await manager.PutJsonAsync($"/api/v1/assets/{existing}", AssetsApiTests.NewAsset(contract, customer.SiteId, fan));
        var form = await manager.GetPageAsync($"/Assets/New?customerId={customer.CustomerId}");

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await AssetsApiTests.Errors(refused))["productTypeId"].ShouldContain("产品类型“扇子”已停用");
        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector($"select[name='Input.ProductTypeId'] option[value='{fan}']").ShouldBeNull();
        (await app.SnapshotAsync())["Assets"].ShouldBe(before["Assets"]);
    }
}
