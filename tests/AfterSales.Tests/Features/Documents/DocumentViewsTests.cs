using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Documents;

public sealed class DocumentViewsTests
{
    [Fact]
    public async Task A_new_contract_shows_all_three_deliverables_as_missing()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Documents/Contract/{r.ContractId}");

        var items = page.QuerySelectorAll($"#deliverables-{r.ContractId} .deliverable");
        items.Select(i => i.QuerySelector(".fw-semibold")!.TextContent).ShouldBe(["开发资料", "用户手册", "管理员手册"]);
        items.ShouldAllBe(i => i.QuerySelector(".badge")!.TextContent == "缺失");
    }

    [Fact]
    public async Task A_delivered_manual_shows_its_date_and_link_and_the_rest_stay_missing()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var manual = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "用户手册.pdf", TestFiles.Pdf());
        // Documents of other kinds or other records do not count.
        await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.Other, "其他.pdf", TestFiles.Pdf("other"));
        await app.UploadAsync(DocumentOwner.Customer, r.CustomerId, DocumentKind.AdminManual, "a.pdf", TestFiles.Pdf("customer"));
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Documents/Contract/{r.ContractId}");

        var state = page.QuerySelectorAll(".deliverable").ToDictionary(i => i.GetAttribute("data-kind")!, i => i);
        state["UserManual"].QuerySelector(".badge")!.TextContent.ShouldBe("已交付");
        state["UserManual"].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/documents/{manual.Id}");
        state["UserManual"].TextContent.ShouldContain("2026-11-25");
        state["DevelopmentMaterial"].QuerySelector(".badge")!.TextContent.ShouldBe("缺失");
        state["AdminManual"].QuerySelector(".badge")!.TextContent.ShouldBe("缺失");
    }

    [Fact]
    public async Task Installation_photos_are_shown_in_step_order_with_numbers_and_captions()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        await app.UploadAsync(
            DocumentOwner.Asset,
            r.AssetId,
            DocumentKind.InstallationPhoto,
            "c.jpg",
            TestFiles.Jpeg(60, 40),
            3,
            "完工效果"
        );
        await app.UploadAsync(
            DocumentOwner.Asset,
            r.AssetId,
            DocumentKind.InstallationPhoto,
            "x.jpg",
            TestFiles.Jpeg(50, 40),
            null,
            "补拍"
        );
        await app.UploadAsync(
            DocumentOwner.Asset,
            r.AssetId,
            DocumentKind.InstallationPhoto,
            "a.png",
            TestFiles.Png(64, 40),
            1,
            "测量定位"
        );
        await app.UploadAsync(
            DocumentOwner.Asset,
            r.AssetId,
            DocumentKind.InstallationPhoto,
            "b.webp",
            TestFiles.WebP(70, 40),
            2,
            "安装骨架"
        );
        await app.UploadAsync(DocumentOwner.Asset, r.AssetId, DocumentKind.RepairSitePhoto, "r.jpg", TestFiles.Jpeg(80, 40));
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Documents/Asset/{r.AssetId}");

        var photos = page.QuerySelectorAll($"#installation-photos-{r.AssetId} .installation-photo");
        photos.Select(p => p.QuerySelector(".caption")!.TextContent).ShouldBe(["测量定位", "安装骨架", "完工效果", "补拍"]);
        photos.Take(3).Select(p => p.QuerySelector(".step")!.TextContent).ShouldBe(["第1步", "第2步", "第3步"]);
        photos.ShouldAllBe(p => p.QuerySelector("img")!.GetAttribute("src")!.EndsWith("/thumbnail"));
    }

    [Fact]
    public async Task An_asset_without_photos_says_so()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var page = await agent.GetPageAsync($"/Documents/Asset/{r.AssetId}?lang=en");

        page.QuerySelector(".installation-photos-empty")!.TextContent.ShouldBe("No installation photos yet");
        page.QuerySelector("form.document-upload select option[selected]")!.GetAttribute("value").ShouldBe("InstallationPhoto");
    }
}
