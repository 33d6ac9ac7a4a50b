using System.Net;
using System.Text.Json;
using AfterSales.Features.Catalog;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Contracts;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Catalog;

public sealed class CatalogTests
{
    static object NewType(string code = "honor-board") =>
        new
        {
            code,
            name = "荣誉榜",
            nameEn = "Honor board",
            group = "Signage",
            active = true,
            sortOrder = 95,
        };

    [Fact]
    public async Task The_catalog_starts_with_the_tenders_product_types()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);

        var list = await (await agent.GetAsync("/api/v1/product-types")).ReadJsonAsync<ProductTypeList>();
        var page = await agent.GetPageAsync("/Catalog");

        list.Total.ShouldBe(17);
        list.Items.Select(t => t.Code).ShouldContain("door-plate");
        list.Items.Single(t => t.Code == "ballot-box").Group.ShouldBe(ProductGroup.Promotional);
        page.QuerySelectorAll(".product-type").Length.ShouldBe(17);
        page.QuerySelector(".product-type[data-code='billboard']")!.TextContent.ShouldContain("广告牌");
        page.QuerySelector("#new-product-type").ShouldBeNull(); // agents read, managers edit
    }

    [Fact]
    public async Task A_manager_adds_and_edits_a_product_type_on_the_pages()
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);
        var form = await manager.ReadFormAsync("/Catalog/New", "#product-type-form");

        var created = await manager.PostFormAsync(
            "/Catalog/New",
            form.With(("Input.Code", "honor-board"), ("Input.Name", "荣誉榜"), ("Input.NameEn", "Honor board"), ("Input.SortOrder", "95"))
        );
        var id = await app.ProductTypeIdAsync("honor-board");
        var edit = await manager.ReadFormAsync($"/Catalog/{id}/Edit", "#product-type-form");
        var edited = await manager.PostFormAsync(
            $"/Catalog/{id}/Edit",
            edit.With(("Input.Name", "荣誉公示栏"), ("Input.Group", "Promotional"), ("Input.Active", "false"))
        );

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await manager.GetPageAsync("/Catalog")).QuerySelector(".product-type[data-code='honor-board']")!;
        row.TextContent.ShouldContain("荣誉公示栏");
        row.TextContent.ShouldContain("宣传品");
        row.TextContent.ShouldContain("停用");
    }

    [Fact]
    public async Task Only_managers_and_admins_change_the_catalog()
    {
        await using var app = new AppFactory();
        var agent = await app.SignInAsync(Roles.Agent);
        var editorKey = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var catalogKey = await app.ApiKeyClientAsync(Policies.EditCatalog);
        var admin = await app.SignInAsync(Roles.Admin);

        var page = await agent.GetAsync("/Catalog/New");
        (await agent.PostJsonAsync("/api/v1/product-types", NewType("a"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editorKey.PostJsonAsync("/api/v1/product-types", NewType("b"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await catalogKey.PostJsonAsync("/api/v1/product-types", NewType("c"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/product-types", NewType("d"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        page.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task The_api_creates_reads_and_updates_a_product_type()
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);

        var created = await manager.PostJsonAsync("/api/v1/product-types", NewType());
        var id = (await created.ReadJsonAsync<ProductTypeOutput>()).Id;
        var updated = await manager.PutJsonAsync(
            $"/api/v1/product-types/{id}",
            new
            {
                name = "荣誉榜（大）",
                nameEn = "Large honor board",
                group = "Signage",
                active = false,
                sortOrder = 5,
            }
        );
        var read = await (await manager.GetAsync($"/api/v1/product-types/{id}")).ReadJsonAsync<ProductTypeOutput>();
        var inactive = await (await manager.GetAsync("/api/v1/product-types?active=false")).ReadJsonAsync<ProductTypeList>();

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.ShouldBe(new ProductTypeOutput(id, "honor-board", "荣誉榜（大）", "Large honor board", ProductGroup.Signage, false, 5));
        inactive.Items.Select(t => t.Code).ShouldBe(["honor-board"]);
    }

    public static TheoryData<string, object?, HttpStatusCode, string, string> BadFields =>
        new()
        {
            { "code", "Door Plate", HttpStatusCode.BadRequest, "code", "代码只能包含小写字母、数字和连字符（-）" },
            { "code", "", HttpStatusCode.BadRequest, "code", "请填写代码" },
            { "code", new string('a', 41), HttpStatusCode.BadRequest, "code", "代码不能超过40个字符" },
            { "code", "billboard", HttpStatusCode.UnprocessableEntity, "code", "代码“billboard”已被使用" },
            { "name", null, HttpStatusCode.BadRequest, "name", "请填写中文名称" },
            { "name", new string('牌', 61), HttpStatusCode.BadRequest, "name", "中文名称不能超过60个字符" },
            { "group", null, HttpStatusCode.BadRequest, "group", "请填写分组" },
        };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_product_type_is_refused_with_its_message_and_nothing_is_saved(
        string field,
        object? value,
        HttpStatusCode status,
        string errorKey,
        string message
    )
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(NewType()))!;
        body[field] = value;
        var before = await app.SnapshotAsync();

        var response = await manager.PostJsonAsync("/api/v1/product-types", body);

        response.StatusCode.ShouldBe(status);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty(errorKey)[0].GetString().ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_malformed_code_is_shown_on_the_form()
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);
        var form = await manager.ReadFormAsync("/Catalog/New", "#product-type-form");
        var before = await app.SnapshotAsync();

        var response = await manager.PostFormAsync("/Catalog/New", form.With(("Input.Code", "门牌"), ("Input.Name", "门牌二")));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text("[data-valmsg-for='Input.Code']").ShouldBe("代码只能包含小写字母、数字和连字符（-）");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_product_type_is_404()
    {
        await using var app = new AppFactory();
        var manager = await app.SignInAsync(Roles.Manager);

        (await manager.GetAsync("/api/v1/product-types/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PutJsonAsync("/api/v1/product-types/424242", NewType())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync("/Catalog/424242/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
