using System.Net.Http.Headers;
using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Features.Demo;
using AfterSales.Features.Documents;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Documents;

/// <summary>A customer with one site, one contract and one asset: the records documents hang on.</summary>
public sealed record Records(long CustomerId, long ContractId, long AssetId);

public static class DocumentsArrange
{
    static int _serial;

    public static Task<Records> CustomerWithContractAndAssetAsync(this AppFactory app, string name = "杭州市测试中学") =>
        app.DbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _serial);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var customer = Customer.Create(name, DemoData.Code($"91330100MA{n:D7}"), CustomerCategory.School, null, null, now);
            var site = customer.AddSite("主楼", "杭州市上城区某路 1 号");
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            var contract = Contract.Create(
                customer.Id,
                $"HT-T-{n:D4}-{Guid.NewGuid():N}"[..20],
                "标识标牌制作安装",
                10_000_000,
                today.AddMonths(-6),
                today.AddMonths(-5),
                today.AddMonths(-4),
                ServiceTerms.TenderDefaults(),
                now
            );
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            var type = await db.ProductTypes.OrderBy(t => t.Id).FirstAsync();
            var asset = Asset.Create(contract, site, type, 4, "行政楼大厅", contract.DeliveredOn, null, now);
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return new Records(customer.Id, contract.Id, asset.Id);
        });

    /// <summary>The multipart body of the upload page's form.</summary>
    public static MultipartFormDataContent PageForm(
        DocumentOwner owner,
        long ownerId,
        DocumentKind kind,
        string fileName,
        byte[] bytes,
        int? step = null,
        string? caption = null,
        string? returnUrl = null
    )
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(owner.ToString()), "Input.Owner" },
            { new StringContent(ownerId.ToString()), "Input.OwnerId" },
            { new StringContent(kind.ToString()), "Input.Kind" },
            { new StringContent(returnUrl ?? $"/Documents/{owner}/{ownerId}"), "returnUrl" },
        };
        if (step is not null)
            form.Add(new StringContent(step.Value.ToString()), "Input.Step");
        if (caption is not null)
            form.Add(new StringContent(caption), "Input.Caption");
        form.Add(File(bytes), "Input.File", fileName);
        return form;
    }

    /// <summary>The multipart body of <c>POST /api/v1/documents</c>.</summary>
    public static MultipartFormDataContent ApiForm(
        DocumentOwner owner,
        long ownerId,
        DocumentKind kind,
        string fileName,
        byte[] bytes,
        int? step = null,
        string? caption = null
    )
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(owner.ToString()), "ownerType" },
            { new StringContent(ownerId.ToString()), "ownerId" },
            { new StringContent(kind.ToString()), "kind" },
        };
        if (step is not null)
            form.Add(new StringContent(step.Value.ToString()), "step");
        if (caption is not null)
            form.Add(new StringContent(caption), "caption");
        form.Add(File(bytes), "file", fileName);
        return form;
    }

    static ByteArrayContent File(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        // What a browser sends for an unknown file: the server must not trust it anyway.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return file;
    }

    /// <summary>Uploads through the API with an editor's key and returns the new document.</summary>
    public static async Task<DocumentOutput> UploadAsync(
        this AppFactory app,
        DocumentOwner owner,
        long ownerId,
        DocumentKind kind,
        string fileName,
        byte[] bytes,
        int? step = null,
        string? caption = null
    )
    {
        var client = await app.ApiKeyClientAsync(AfterSales.Platform.Auth.Policies.EditMasterData);
        var response = await client.PostAsync("/api/v1/documents", ApiForm(owner, ownerId, kind, fileName, bytes, step, caption));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync<DocumentOutput>();
    }

    /// <summary>Every file under the store, temporary ones included.</summary>
    public static string[] StoredFiles(this AppFactory app)
    {
        var root = Path.Combine(app.DataFolder, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}
