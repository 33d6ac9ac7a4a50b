using System.Net;
using AfterSales.Features.Documents;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Documents;

public sealed class UploadPageTests
{
    [Fact]
    public async Task An_agent_uploads_an_installation_photo_through_the_page_and_sees_it_listed_with_a_thumbnail()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Asset/{r.AssetId}";

        var response = await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(
                DocumentOwner.Asset,
                r.AssetId,
                DocumentKind.InstallationPhoto,
                "完工照片.jpg",
                TestFiles.Jpeg(),
                1,
                "完工效果"
            ),
            formPage: page
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{page}#documents-Asset-{r.AssetId}");
        var html = await agent.GetPageAsync(page);
        html.QuerySelector(".alert-success")!.TextContent.ShouldContain("已上传“完工照片.jpg”");
        var item = html.QuerySelector($"#documents-Asset-{r.AssetId} li.document")!;
        item.QuerySelector("a.document-link")!.TextContent.ShouldBe("完工照片.jpg");
        item.QuerySelector("img.thumb")!.GetAttribute("src").ShouldEndWith("/thumbnail");
        var stored = await app.DbAsync(db => db.Documents.SingleAsync());
        (stored.OwnerType, stored.OwnerId, stored.CustomerId, stored.Step, stored.Caption).ShouldBe(
            (DocumentOwner.Asset, r.AssetId, r.CustomerId, 1, "完工效果")
        );
        (await agent.GetAsync($"/documents/{stored.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_upload_form_is_shown_to_editors_only()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var page = $"/Documents/Contract/{r.ContractId}";

        var agentView = await (await app.SignInAsync(Roles.Agent)).GetPageAsync(page);
        var auditorView = await (await app.SignInAsync(Roles.Auditor)).GetPageAsync(page);
        var customerView = await (await app.SignInAsync(Roles.Customer, r.CustomerId)).GetPageAsync(page);

        var form = agentView.QuerySelector("form.document-upload")!;
        form.GetAttribute("enctype").ShouldBe("multipart/form-data");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        form.QuerySelector("input[type=file][capture]").ShouldNotBeNull();
        form.QuerySelector("input[name='Input.File']")!.GetAttribute("accept")!.ShouldContain("application/pdf");
        auditorView.QuerySelector("form.document-upload").ShouldBeNull();
        customerView.QuerySelector("form.document-upload").ShouldBeNull();
    }

    [Fact]
    public async Task A_script_renamed_jpg_is_refused_with_a_message_on_the_page_it_came_from_and_nothing_is_stored()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();
        var contractPage = $"/Documents/Contract/{r.ContractId}";

        var response = await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, r.ContractId, DocumentKind.Other, "photo.jpg", TestFiles.Script()),
            formPage: contractPage
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith(contractPage);
        var html = await agent.GetPageAsync(contractPage);
        html.QuerySelector(".document-error")!.TextContent.ShouldContain("不支持的文件类型");
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
        // The message is shown once, not on every later visit.
        (await agent.GetPageAsync(contractPage))
            .QuerySelector(".document-error")
            .ShouldBeNull();
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_the_limit_in_the_message_and_nothing_is_stored()
    {
        await using var app = new AppFactory().With("Documents:MaxBytes", "1000");
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();
        var page = $"/Documents/Contract/{r.ContractId}";

        await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "big.pdf", TestFiles.Random(1001)),
            formPage: page
        );

        (await agent.GetPageAsync(page)).QuerySelector(".document-error")!.TextContent.ShouldContain("文件超过0.001 MB 上限");
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_refusal_is_in_english_for_an_english_user()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Contract/{r.ContractId}?lang=en";

        await agent.PostMultipartAsync(
            "/Documents/Upload?lang=en",
            DocumentsArrange.PageForm(
                DocumentOwner.Contract,
                r.ContractId,
                DocumentKind.Other,
                "page.pdf",
                TestFiles.Html(),
                returnUrl: page
            ),
            formPage: page
        );

        (await agent.GetPageAsync(page)).QuerySelector(".document-error")!.TextContent.ShouldContain("Unsupported file type");
    }

    [Fact]
    public async Task A_step_on_a_document_that_is_not_an_installation_photo_is_refused()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Contract/{r.ContractId}";

        await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf(), step: 2),
            formPage: page
        );

        (await agent.GetPageAsync(page)).QuerySelector(".document-error")!.TextContent.ShouldContain("只有安装过程照片可以填写步骤");
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pdf_is_refused_as_an_installation_photo()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Asset/{r.AssetId}";

        await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Asset, r.AssetId, DocumentKind.InstallationPhoto, "p.pdf", TestFiles.Pdf(), step: 1),
            formPage: page
        );

        (await agent.GetPageAsync(page)).QuerySelector(".document-error")!.TextContent.ShouldContain("照片必须是 JPEG、PNG 或 WebP 图片");
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_corrupt_image_is_refused()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Asset/{r.AssetId}";

        await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Asset, r.AssetId, DocumentKind.InstallationPhoto, "cut.png", TestFiles.TruncatedPng()),
            formPage: page
        );

        (await agent.GetPageAsync(page)).QuerySelector(".document-error")!.TextContent.ShouldContain("图片已损坏");
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Uploading_to_an_unknown_record_is_404_and_stores_nothing()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, 999_999, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf()),
            formPage: $"/Documents/Contract/{r.ContractId}"
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(
                DocumentOwner.Contract,
                r.ContractId,
                DocumentKind.UserManual,
                "m.pdf",
                TestFiles.Pdf(),
                returnUrl: "https://evil.example/phish"
            ),
            formPage: $"/Documents/Contract/{r.ContractId}"
        );

        response.Headers.Location!.ToString().ShouldBe($"/Documents/Contract/{r.ContractId}#documents-Contract-{r.ContractId}");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.PostAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf())
        );

        // Refused before the handler runs (the exact error status is the platform's business).
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_user_cannot_upload()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var customer = await app.SignInAsync(Roles.Customer, r.CustomerId);

        var response = await customer.PostMultipartAsync(
            "/Documents/Upload",
            DocumentsArrange.PageForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf()),
            formPage: $"/Documents/Contract/{r.ContractId}"
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_a_document_after_confirmation_removes_it_from_the_record_and_is_audited()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "用户手册.pdf", TestFiles.Pdf());
        var agent = await app.SignInAsync(Roles.Agent);
        var page = $"/Documents/Contract/{r.ContractId}";
        var link = (await agent.GetPageAsync(page)).QuerySelector("a.delete-document")!.GetAttribute("href")!;

        var confirm = await agent.GetPageAsync(link);
        confirm.QuerySelector(".card")!.TextContent.ShouldContain("用户手册.pdf");
        var response = await agent.PostFormAsync(link, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{page}#documents-Contract-{r.ContractId}");
        (await agent.GetPageAsync(page)).QuerySelectorAll("li.document").ShouldBeEmpty();
        (await agent.GetAsync($"/documents/{doc.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await app.DbAsync(db =>
            db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Document) && e.Action == AuditAction.Deleted)
        );
        (audit.EntityId, audit.ParentType, audit.ParentId).ShouldBe((doc.Id.ToString(), "Contract", r.ContractId.ToString()));
    }
}
