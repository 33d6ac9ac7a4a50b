using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>Steps of the work-order journeys, done as people do them: through the pages.</summary>
internal static partial class WorkOrderSteps
{
    /// <summary>
    /// 工单受理 from the navbar: finds the customer by <paramref name="search"/> (a phone number or
    /// part of the name), ticks the asset at <paramref name="location"/>, describes the fault and
    /// submits with the received-at the form proposes (now). Returns the new work order's id.
    /// </summary>
    public static async Task<long> LogRequestAsync(
        IPage page,
        string search,
        string customer,
        string location,
        string description,
        bool major,
        string? shot = null
    )
    {
        await page.FollowMenuAsync("#nav-intake");
        await page.FillAsync("#q", search);
        var match = page.Locator(".customer-match", new() { HasText = customer });
        await Assertions.Expect(match).ToHaveCountAsync(1);
        await match.ClickAsync();
        await Assertions.Expect(page.Locator("#customer-name")).ToHaveTextAsync(customer);

        await page.Locator("#assets .form-check", new() { HasText = location }).Locator("input[type=checkbox]").CheckAsync();
        await page.FillAsync("#Input_Description", description);
        await page.SelectOptionAsync("#Input_Cause", "Defect");
        await page.FillAsync("#Input_ContactName", "王建国");
        await page.FillAsync("#Input_ContactPhone", "13857112345");
        if (major)
            await page.CheckAsync("#Input_IsMajor");
        if (shot is not null)
            await page.ShotAsync(shot);
        await page.ClickAsync("#open-work-order");
        await page.WaitForURLAsync(DetailUrl());
        await Assertions.Expect(page.Locator("#description")).ToHaveTextAsync(description);
        return long.Parse(DetailUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One action of the work-order page: opens its panel, fills it, submits, and waits for the
    /// page that comes back with "已记录：…" to finish loading.
    /// </summary>
    public static async Task RecordAsync(
        IPage page,
        string type,
        string title,
        string? note = null,
        Func<ILocator, Task>? fill = null,
        string? flash = null
    )
    {
        var key = type.Replace('-', '_');
        await page.Locator($".action[data-type='{type}'] .accordion-button").ClickAsync();
        await Assertions.Expect(page.Locator($"#action-{key}")).ToHaveClassAsync(Shown());
        var form = page.Locator($"#form-{key}");
        if (note is not null)
            await form.Locator("textarea[name='Input.Note']").FillAsync(note);
        if (fill is not null)
            await fill(form);
        await form.Locator("button.btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator("main > .alert-success")).ToContainTextAsync(flash ?? $"已记录：{title}");
        // The flash is at the top of the page: let the rest arrive and its scripts run before the next step reads or clicks.
        await page.WaitForLoadStateAsync();
    }

    public static ILocator Clock(IPage page, string kind) => page.Locator($"#clocks .clock[data-kind='{kind}']");

    /// <summary>Clicks a link that downloads a PDF and returns the file after checking that it is one.</summary>
    public static async Task<byte[]> DownloadPdfAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path);
        pdf[..5].ShouldBe("%PDF-"u8.ToArray(), "the service report must be a PDF");
        return pdf;
    }

    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return await output;
    }

    /// <summary>A machine client (mail gateway, fax server) logging requests through the API.</summary>
    public static async Task<HttpClient> ApiClientAsync(LiveApp app)
    {
        var secret = await app.DbAsync(async db =>
        {
            var (key, secret) = ApiKey.Create("gateway", [Policies.HandleWorkOrders], "test", app.Clock.GetUtcNow().UtcDateTime);
            db.Add(key);
            await db.SaveChangesAsync();
            return secret;
        });
        var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return api;
    }

    /// <summary>Another customer's request, logged by a gateway at <paramref name="receivedAt"/>, so the board has more than one row.</summary>
    public static async Task<WorkOrderOutput> OtherRequestAsync(
        HttpClient api,
        LiveApp app,
        string customer,
        string description,
        string channel,
        DateTimeOffset receivedAt
    )
    {
        var asset = await app.DbAsync(db =>
            db.Assets.Where(a => db.Customers.Any(c => c.Id == a.CustomerId && c.Name == customer)).OrderBy(a => a.Id).FirstAsync()
        );
        var created = await api.PostAsJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = asset.CustomerId,
                assetIds = new[] { asset.Id },
                channel,
                receivedAt,
                backdateReason = receivedAt < app.Clock.GetUtcNow() ? "夜间邮件，上班后补录" : null,
                description,
                cause = "Defect",
            },
            HttpExtensions.Json
        );
        return await created.EnsureSuccessStatusCode().ReadJsonAsync<WorkOrderOutput>();
    }

    /// <summary>A technician with a Chinese display name, as the board lists them.</summary>
    public static async Task<AppUser> TechnicianAsync(LiveApp app, string userName, string displayName)
    {
        var user = await app.CreateUserAsync(userName, Roles.Technician);
        await app.DbAsync(db =>
            db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, displayName))
        );
        return user;
    }

    [GeneratedRegex(@"/WorkOrders/(\d+)$")]
    public static partial Regex DetailUrl();

    [GeneratedRegex(@"\bshow\b")]
    private static partial Regex Shown();
}
