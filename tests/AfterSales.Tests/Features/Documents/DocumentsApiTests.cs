using System.Net;
using System.Security.Cryptography;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace AfterSales.Tests.Features.Documents;

public sealed class DocumentsApiTests
{
    [Fact]
    public async Task A_machine_uploads_a_pdf_and_gets_back_identical_bytes_shown_inline_with_safe_headers()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);
        var pdf = TestFiles.Pdf("manual");

        var created = await client.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "用户手册 v1.pdf", pdf)
        );

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var doc = await created.ReadJsonAsync<DocumentOutput>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/documents/{doc.Id}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        (doc.FileName, doc.ContentType, doc.SizeBytes, doc.Sha256, doc.Kind).ShouldBe(
            ("用户手册 v1.pdf", "application/pdf", pdf.Length, sha, DocumentKind.UserManual)
        );
        var content = await client.GetAsync(doc.ContentUrl);
        content.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await content.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        content.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        content.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        content.Headers.ETag!.Tag.ShouldBe($"\"{sha}\"");
        content.Headers.CacheControl!.Private.ShouldBeTrue();
        var disposition = content.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("inline");
        disposition.FileNameStar.ShouldBe("用户手册 v1.pdf");
    }

    [Fact]
    public async Task An_office_document_is_always_a_download_with_its_chinese_name()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var docx = TestFiles.Docx();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.DevelopmentMaterial, "开发资料.docx", docx);
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.GetAsync($"/documents/{doc.Id}");

        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(FileSignature.Docx.ContentType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("开发资料.docx");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task A_browser_asking_again_with_the_etag_gets_not_modified()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf());
        var agent = await app.SignInAsync(Roles.Agent);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{doc.Id}");
        request.Headers.IfNoneMatch.ParseAdd($"\"{doc.Sha256}\"");
        var response = await agent.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_same_content_uploaded_twice_is_stored_once_on_disk()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var photo = TestFiles.Jpeg();

        var first = await app.UploadAsync(DocumentOwner.Asset, r.AssetId, DocumentKind.InstallationPhoto, "a.jpg", photo, 1);
        var second = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.Other, "b.jpg", photo);

        second.Id.ShouldNotBe(first.Id);
        second.Sha256.ShouldBe(first.Sha256);
        var files = app.StoredFiles().Select(f => Path.GetRelativePath(Path.Combine(app.DataFolder, "files"), f)).Order().ToList();
        var sha = first.Sha256;
        files.ShouldBe([Path.Combine(sha[..2], sha[2..]), Path.Combine(sha[..2], sha[2..] + ".thumb.jpg")]);
        (await File.ReadAllBytesAsync(app.StoredFiles().Single(f => !f.EndsWith(".jpg", StringComparison.Ordinal)))).ShouldBe(photo);
    }

    [Fact]
    public async Task An_image_gets_a_jpeg_thumbnail_that_fits_320_pixels_and_keeps_its_proportions()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(
            DocumentOwner.Asset,
            r.AssetId,
            DocumentKind.InstallationPhoto,
            "wall.png",
            TestFiles.Png(1000, 500)
        );
        var agent = await app.SignInAsync(Roles.Agent);

        var response = await agent.GetAsync(doc.ThumbnailUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using var thumb = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        (thumb.Width, thumb.Height).ShouldBe((320, 160));
        File.Exists(Path.Combine(app.DataFolder, "files", doc.Sha256[..2], doc.Sha256[2..] + ".thumb.jpg")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_document_that_is_not_an_image_has_no_thumbnail()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf());
        var agent = await app.SignInAsync(Roles.Agent);

        doc.ThumbnailUrl.ShouldBeNull();
        (await agent.GetAsync($"/documents/{doc.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_a_field_error_and_nothing_is_stored()
    {
        await using var app = new AppFactory().With("Documents:MaxBytes", "1000");
        var r = await app.CustomerWithContractAndAssetAsync();
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await client.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "big.pdf", TestFiles.Random(5000))
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件超过0.001 MB 上限");
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("photo.jpg", "script")]
    [InlineData("index.html", "html")]
    [InlineData("logo.svg", "svg")]
    [InlineData("setup.exe", "exe")]
    [InlineData("bundle.zip", "zip")]
    [InlineData("empty.pdf", "empty")]
    public async Task Disguised_or_unlisted_files_are_refused_and_nothing_is_stored(string name, string kind)
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData);
        var before = await app.SnapshotAsync();

        var response = await client.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.Other, name, TestFiles.Make(kind))
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadJsonAsync<HttpValidationProblem>();
        problem
            .Errors["file"]
            .Single()
            .ShouldBe(kind == "empty" ? "文件为空" : "不支持的文件类型：只接受 JPEG、PNG、WebP 图片，PDF 和 Office 文档");
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_fields_get_localised_field_errors()
    {
        await using var app = new AppFactory();
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostAsync("/api/v1/documents", new MultipartFormDataContent { { new StringContent("x"), "caption" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync<HttpValidationProblem>();
        problem.Errors.Keys.ShouldBe(["ownerType", "ownerId", "kind", "file"], ignoreOrder: true);
        problem.Errors["file"].ShouldBe(["Please choose a file"]);
    }

    [Fact]
    public async Task Uploading_to_an_unknown_record_is_404_and_stores_nothing()
    {
        await using var app = new AppFactory();
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData);

        var response = await client.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Asset, 424242, DocumentKind.InstallationPhoto, "a.jpg", TestFiles.Jpeg())
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_in_browser_must_send_the_antiforgery_token_to_upload()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var agent = await app.SignInAsync(Roles.Agent);

        var forged = await agent.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf())
        );
        var token = (await agent.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents")
        {
            Content = DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf()),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var genuine = await agent.SendAsync(request);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        genuine.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.DbAsync(db => db.Documents.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_read_only_key_cannot_upload_or_delete()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf());
        var reader = await app.ApiKeyClientAsync(Policies.ReadMasterData);

        var upload = await reader.PostAsync(
            "/api/v1/documents",
            DocumentsArrange.ApiForm(DocumentOwner.Contract, r.ContractId, DocumentKind.AdminManual, "a.pdf", TestFiles.Pdf("admin"))
        );
        var delete = await reader.DeleteAsync($"/api/v1/documents/{doc.Id}");

        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.DbAsync(db => db.Documents.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Documents_are_listed_by_owner_read_by_id_and_deleted()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var admin = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.AdminManual, "a.pdf", TestFiles.Pdf("admin"));
        var manual = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf());
        await app.UploadAsync(DocumentOwner.Asset, r.AssetId, DocumentKind.InstallationPhoto, "p.png", TestFiles.Png(), 1, "测量定位");
        var client = await app.ApiKeyClientAsync(Policies.EditMasterData, Policies.ReadMasterData);

        var list = await (await client.GetAsync($"/api/v1/documents?ownerType=Contract&ownerId={r.ContractId}")).ReadJsonAsync<
            List<DocumentOutput>
        >();
        var one = await (await client.GetAsync($"/api/v1/documents/{manual.Id}")).ReadJsonAsync<DocumentOutput>();
        var deleted = await client.DeleteAsync($"/api/v1/documents/{manual.Id}");
        var gone = await client.GetAsync($"/api/v1/documents/{manual.Id}");

        // In the order of the kinds (user manual before admin manual), not by upload or name.
        list.Select(d => d.Id).ShouldBe([manual.Id, admin.Id]);
        one.ShouldBe(manual);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The bytes stay: other documents may share them, and the audit trail still names them.
        File.Exists(Path.Combine(app.DataFolder, "files", manual.Sha256[..2], manual.Sha256[2..])).ShouldBeTrue();
        (await client.GetAsync($"/api/v1/documents?ownerType=Contract&ownerId=987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed record HttpValidationProblem(int Status, Dictionary<string, string[]> Errors);
