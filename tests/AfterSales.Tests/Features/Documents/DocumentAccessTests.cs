using System.Net;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Documents;

public sealed class DocumentAccessTests
{
    [Fact]
    public async Task A_customer_user_downloads_their_own_documents()
    {
        await using var app = new AppFactory();
        var mine = await app.CustomerWithContractAndAssetAsync();
        var photo = TestFiles.Jpeg();
        var doc = await app.UploadAsync(DocumentOwner.Asset, mine.AssetId, DocumentKind.InstallationPhoto, "完工.jpg", photo, 3);
        var customer = await app.SignInAsync(Roles.Customer, mine.CustomerId);

        var content = await customer.GetAsync($"/documents/{doc.Id}");
        var thumbnail = await customer.GetAsync($"/documents/{doc.Id}/thumbnail");
        var page = await customer.GetPageAsync($"/Documents/Asset/{mine.AssetId}");

        (await content.Content.ReadAsByteArrayAsync()).ShouldBe(photo);
        content.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        thumbnail.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll(".installation-photo").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_customer_user_gets_404_for_another_customers_document_identical_to_a_missing_one()
    {
        await using var app = new AppFactory();
        var mine = await app.CustomerWithContractAndAssetAsync("我的单位");
        var theirs = await app.CustomerWithContractAndAssetAsync("别人的单位");
        var doc = await app.UploadAsync(
            DocumentOwner.Contract,
            theirs.ContractId,
            DocumentKind.UserManual,
            "他们的手册.pdf",
            TestFiles.Pdf()
        );
        var photo = await app.UploadAsync(
            DocumentOwner.Asset,
            theirs.AssetId,
            DocumentKind.InstallationPhoto,
            "p.jpg",
            TestFiles.Jpeg(),
            1
        );
        var customer = await app.SignInAsync(Roles.Customer, mine.CustomerId);
        const long missing = 987_654;

        foreach (
            var (other, none) in new[]
            {
                ($"/documents/{doc.Id}", $"/documents/{missing}"),
                ($"/documents/{photo.Id}/thumbnail", $"/documents/{missing}/thumbnail"),
                ($"/api/v1/documents/{doc.Id}", $"/api/v1/documents/{missing}"),
                ($"/api/v1/documents/{doc.Id}/content", $"/api/v1/documents/{missing}/content"),
                ($"/Documents/Contract/{theirs.ContractId}", $"/Documents/Contract/{missing}"),
                ($"/api/v1/documents?ownerType=Asset&ownerId={theirs.AssetId}", $"/api/v1/documents?ownerType=Asset&ownerId={missing}"),
            }
        )
        {
            var a = await customer.GetAsync(other);
            var b = await customer.GetAsync(none);
            a.StatusCode.ShouldBe(HttpStatusCode.NotFound, other);
            b.StatusCode.ShouldBe(HttpStatusCode.NotFound, none);
            (await BodyAsync(a)).ShouldBe(await BodyAsync(b), other);
        }
    }

    /// <summary>The response body without the per-request trace id of ProblemDetails and antiforgery tokens of pages.</summary>
    static async Task<string> BodyAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.ComparableBodyAsync(), "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task A_customer_users_lists_never_show_another_customers_documents()
    {
        await using var app = new AppFactory();
        var mine = await app.CustomerWithContractAndAssetAsync("我的单位");
        var theirs = await app.CustomerWithContractAndAssetAsync("别人的单位");
        await app.UploadAsync(DocumentOwner.Contract, mine.ContractId, DocumentKind.UserManual, "我的手册.pdf", TestFiles.Pdf("mine"));
        await app.UploadAsync(
            DocumentOwner.Contract,
            theirs.ContractId,
            DocumentKind.UserManual,
            "他们的手册.pdf",
            TestFiles.Pdf("theirs")
        );
        var customer = await app.SignInAsync(Roles.Customer, mine.CustomerId);

        var page = await customer.GetPageAsync($"/Documents/Contract/{mine.ContractId}");
        var list = await (await customer.GetAsync($"/api/v1/documents?ownerType=Contract&ownerId={mine.ContractId}")).ReadJsonAsync<
            List<DocumentOutput>
        >();

        page.QuerySelectorAll("a.document-link").Select(a => a.TextContent).ShouldBe(["我的手册.pdf"]);
        list.Select(d => d.FileName).ShouldBe(["我的手册.pdf"]);
    }

    [Fact]
    public async Task Anonymous_requests_for_documents_are_refused()
    {
        await using var app = new AppFactory();
        var r = await app.CustomerWithContractAndAssetAsync();
        var doc = await app.UploadAsync(DocumentOwner.Contract, r.ContractId, DocumentKind.UserManual, "m.pdf", TestFiles.Pdf());
        var anonymous = app.Anonymous();

        var page = await anonymous.GetAsync($"/documents/{doc.Id}");
        var api = await anonymous.GetAsync($"/api/v1/documents/{doc.Id}/content");

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/Login");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
