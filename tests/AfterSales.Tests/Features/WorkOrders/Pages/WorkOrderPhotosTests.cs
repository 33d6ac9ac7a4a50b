using System.Net;
using System.Net.Http.Headers;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.Documents;
using AfterSales.Tests.Features.Visits;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.WorkOrders.Pages;

/// <summary>
/// Repair-site photos taken on the work-order page by the technician it is assigned to; a work order's
/// documents are visible exactly where the work order is.
/// </summary>
public sealed class WorkOrderPhotosTests
{
    static MultipartFormDataContent PhotoForm(byte[] bytes, string fileName = "site.jpg", string? moment = "Before", string? caption = null)
    {
        var form = new MultipartFormDataContent
        {
            // What a phone's browser sends: the server decides the type from the content anyway.
            {
                new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
                "photo.File",
                fileName
            },
        };
        if (moment is not null)
            form.Add(new StringContent(moment), "photo.Moment");
        if (caption is not null)
            form.Add(new StringContent(caption), "photo.Caption");
        return form;
    }

    static async Task<HttpResponseMessage> PostPhotoAsync(
        HttpClient client,
        long workOrderId,
        MultipartFormDataContent form,
        string? formPage = null
    )
    {
        var page = $"/WorkOrders/{workOrderId}";
        return await client.PostMultipartAsync($"{page}?handler=Photo", form, formPage ?? page);
    }

    /// <summary>The assigned technician's photo on the work order, as stored.</summary>
    static async Task<Document> PhotoOnWorkOrderAsync(AppFactory app, VisitArrange a)
    {
        using var form = PhotoForm(TestFiles.Jpeg(), "灯箱.jpg");
        (await PostPhotoAsync(a.Technician, a.WorkOrderId, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await app.DbAsync(db => db.Documents.SingleAsync(d => d.OwnerType == DocumentOwner.WorkOrder));
    }

    [Fact]
    public async Task The_assigned_technician_takes_a_photo_on_the_work_order_page_and_sees_it_there()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var page = await a.Technician.GetPageAsync($"/WorkOrders/{a.WorkOrderId}");
        var camera = page.QuerySelector("#photo-form input[type=file]").ShouldNotBeNull();
        var jpeg = TestFiles.Jpeg(320, 240);

        using var form = PhotoForm(jpeg, "灯箱背面.jpg", "Before", "拆开后盖");
        var posted = await PostPhotoAsync(a.Technician, a.WorkOrderId, form);
        var after = await a.Technician.GetPageAsync($"/WorkOrders/{a.WorkOrderId}");

        (camera.GetAttribute("accept"), camera.GetAttribute("capture")).ShouldBe(("image/*", "environment"));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.OriginalString.ShouldBe($"/WorkOrders/{a.WorkOrderId}#documents");
        var stored = await app.DbAsync(db => db.Documents.SingleAsync());
        (stored.OwnerType, stored.OwnerId, stored.Kind, stored.Caption, stored.ContentType, stored.HasThumbnail).ShouldBe(
            (DocumentOwner.WorkOrder, a.WorkOrderId, DocumentKind.RepairSitePhoto, "维修前：拆开后盖", "image/jpeg", true)
        );
        after.QuerySelectorAll("#documents a.document-link").Select(l => l.TextContent).ShouldBe(["灯箱背面.jpg"]);
        var entry = after.QuerySelector("#timeline .timeline-entry[data-kind=document]").ShouldNotBeNull();
        entry.QuerySelector(".timeline-title")!.TextContent.ShouldBe("已上传照片");
        entry.QuerySelector("img.thumb")!.GetAttribute("src").ShouldBe($"/documents/{stored.Id}/thumbnail");
        (await a.Technician.GetByteArrayAsync($"/documents/{stored.Id}")).ShouldBe(jpeg);
        (await a.Technician.GetAsync($"/documents/{stored.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await (await a.Technician.GetAsync($"/api/v1/documents?ownerType=WorkOrder&ownerId={a.WorkOrderId}")).ReadJsonAsync<
            List<DocumentOutput>
        >();
        listed.ShouldHaveSingleItem().Id.ShouldBe(stored.Id);
    }

    [Theory]
    [InlineData("big", "文件超过")]
    [InlineData("pdf", "照片必须是 JPEG、PNG 或 WebP 图片")]
    [InlineData("script", "不支持的文件类型")]
    [InlineData("truncated", "图片已损坏")]
    [InlineData("empty", "文件为空")]
    public async Task An_oversized_or_non_image_file_is_refused_and_nothing_is_stored(string kind, string message)
    {
        await using var app = new AppFactory().With("Documents:MaxBytes", "3000");
        var a = await VisitArrange.ArrangeAsync(app);
        var bytes = kind switch
        {
            "big" => TestFiles.Jpeg(800, 600),
            "truncated" => TestFiles.TruncatedPng(),
            _ => TestFiles.Make(kind),
        };
        var before = await app.SnapshotAsync();

        using var form = PhotoForm(bytes, $"photo.{kind}");
        var refused = await PostPhotoAsync(a.Technician, a.WorkOrderId, form);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Text("#action-errors").ShouldContain(message);
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_a_clear_message()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var before = await app.SnapshotAsync();

        using var form = new MultipartFormDataContent { { new StringContent("After"), "photo.Moment" } };
        var refused = await PostPhotoAsync(a.Technician, a.WorkOrderId, form);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Text("#action-errors").ShouldContain("请选择照片");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_technician_finds_neither_the_photo_nor_its_thumbnail_nor_the_work_order_documents()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var photo = await PhotoOnWorkOrderAsync(app, a);
        var other = await app.SignInAsync(Roles.Technician);
        const long missing = 987_654;

        foreach (
            var (theirs, none) in new[]
            {
                ($"/documents/{photo.Id}", $"/documents/{missing}"),
                ($"/documents/{photo.Id}/thumbnail", $"/documents/{missing}/thumbnail"),
                ($"/api/v1/documents/{photo.Id}", $"/api/v1/documents/{missing}"),
                ($"/api/v1/documents/{photo.Id}/content", $"/api/v1/documents/{missing}/content"),
                (
                    $"/api/v1/documents?ownerType=WorkOrder&ownerId={a.WorkOrderId}",
                    $"/api/v1/documents?ownerType=WorkOrder&ownerId={missing}"
                ),
                ($"/Documents/WorkOrder/{a.WorkOrderId}", $"/Documents/WorkOrder/{missing}"),
            }
        )
        {
            (await other.GetAsync(theirs)).StatusCode.ShouldBe(HttpStatusCode.NotFound, theirs);
            (await other.GetAsync(none)).StatusCode.ShouldBe(HttpStatusCode.NotFound, none);
        }
        (await a.Technician.GetAsync($"/documents/{photo.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_technician_cannot_add_a_photo_to_a_work_order_not_assigned_to_them()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var other = await app.SignInAsync(Roles.Technician);
        var before = await app.SnapshotAsync();

        using var form = PhotoForm(TestFiles.Jpeg());
        var refused = await PostPhotoAsync(other, a.WorkOrderId, form, formPage: "/My");

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
        app.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_visit_photo_follows_its_work_order_too()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var screen = $"/Visits/{a.WorkOrderId}";
        (await a.Technician.PostFormAsync($"{screen}?handler=CheckIn", new(), screen)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var visitId = await app.DbAsync(db => db.Visits.Select(v => v.Id).SingleAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent("After"), "moment" },
            { new ByteArrayContent(TestFiles.Jpeg()), "photo", "after.jpg" },
        };
        (await a.Technician.PostMultipartAsync($"{screen}?handler=Photo&visitId={visitId}", form, screen)).StatusCode.ShouldBe(
            HttpStatusCode.Redirect
        );
        var photo = await app.DbAsync(db => db.Documents.SingleAsync(d => d.OwnerType == DocumentOwner.Visit));
        var other = await app.SignInAsync(Roles.Technician);

        (await other.GetAsync($"/documents/{photo.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/documents/{photo.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/documents?ownerType=Visit&ownerId={visitId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Technician.GetAsync($"/documents/{photo.Id}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.Agent.GetAsync($"/documents/{photo.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_sees_the_photos_of_their_own_work_orders_and_another_customer_gets_404()
    {
        await using var app = new AppFactory();
        var a = await VisitArrange.ArrangeAsync(app);
        var photo = await PhotoOnWorkOrderAsync(app, a);
        var own = await app.SignInAsync(Roles.Customer, a.World.CustomerId);
        var otherCustomerId = await app.DbAsync(db =>
            db.Assets.Where(x => x.Id == a.World.OtherCustomerAssetId).Select(x => x.CustomerId).SingleAsync()
        );
        var stranger = await app.SignInAsync(Roles.Customer, otherCustomerId);

        var urls = new[]
        {
            $"/documents/{photo.Id}",
            $"/documents/{photo.Id}/thumbnail",
            $"/api/v1/documents/{photo.Id}",
            $"/api/v1/documents/{photo.Id}/content",
            $"/api/v1/documents?ownerType=WorkOrder&ownerId={a.WorkOrderId}",
            $"/Documents/WorkOrder/{a.WorkOrderId}",
        };
        foreach (var url in urls)
        {
            (await own.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await stranger.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        (await own.GetPageAsync($"/WorkOrders/{a.WorkOrderId}")).QuerySelector("#photo-form").ShouldBeNull();
    }
}
