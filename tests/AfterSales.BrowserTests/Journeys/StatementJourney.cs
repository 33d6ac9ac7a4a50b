using System.Net.Http.Json;
using AfterSales.Features.Demo;
using AfterSales.Features.Penalties;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>
/// 违约金结算单: a manager opens a contract's statement, waives an entry with a reason (first
/// forgetting the reason), downloads the Excel and the PDF; the customer signs in on a phone and
/// finds the same totals on its own statement.
/// </summary>
public sealed class StatementJourney
{
    [Fact]
    public async Task A_manager_waives_an_entry_and_downloads_the_statement_and_the_customer_sees_the_same_totals()
    {
        await using var app = new LiveApp();
        var contractId = await LateWorkOrderAsync(app);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.SignInAsync("manager", DemoData.Password);
        await page.GotoAsync($"/Contracts/{contractId}");
        await page.ClickAsync("#statement-link");
        await page.WaitForURLAsync($"**/Contracts/{contractId}/Penalties");
        await Assertions.Expect(page.Locator(".penalty-entry")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#chain-status")).ToHaveAttributeAsync("data-intact", "true");
        await Assertions.Expect(page.Locator("#total-net")).ToHaveTextAsync("¥11,595.00");
        await page.Locator(".penalty-entry").Nth(2).Locator("details.evidence summary").ClickAsync();
        await page.ShotAsync("statement-manager-1280");

        // The late day 2 is waived: first without a reason, which is refused, then with one.
        await page.Locator(".penalty-entry").Nth(2).Locator(".waive-entry").ClickAsync();
        await Assertions.Expect(page.Locator("#waiver")).ToContainTextAsync("#3");
        await page.ClickAsync("#waiver-submit");
        await Assertions.Expect(page.Locator("#waiver-form")).ToContainTextAsync("请填写核销原因");
        await page.ShotAsync("statement-waiver-refused-1280");
        await page.FillAsync("#waiver-reason", "客户要求暂缓维修，经双方确认免除该日违约金");
        await page.ClickAsync("#waiver-submit");
        await Assertions.Expect(page.Locator(".alert-success.alert-dismissible")).ToContainTextAsync("已核销第 3 条");
        await Assertions.Expect(page.Locator(".penalty-entry")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#total-net")).ToHaveTextAsync("¥7,730.00");
        await Assertions.Expect(page.Locator("#net-capitals")).ToHaveTextAsync("柒仟柒佰叁拾元整");
        await page.ShotAsync("statement-waived-1280");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-xlsx"));
        xlsx.SuggestedFilename.ShouldEndWith(".xlsx");
        (await ReadAsync(xlsx))[..2].ShouldBe("PK"u8.ToArray());
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        pdf.SuggestedFilename.ShouldEndWith(".pdf");
        (await ReadAsync(pdf))[..5].ShouldBe("%PDF-"u8.ToArray());

        // The customer, on a phone, from its archive card.
        var phone = await browser.NewPageAsync(app.BaseUrl, 360, 780);
        await phone.SignInAsync("customer", DemoData.Password);
        var customerId = await app.DbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.CustomerId).SingleAsync());
        await phone.GotoAsync($"/Customers/{customerId}");
        await Assertions
            .Expect(phone.Locator($".penalty-running-total[data-contract='{contractId}'] .penalty-net"))
            .ToHaveTextAsync("¥7,730.00");
        await phone.Locator($".penalty-running-total[data-contract='{contractId}'] .statement-link").ClickAsync();
        await phone.WaitForURLAsync($"**/Contracts/{contractId}/Penalties");
        await Assertions.Expect(phone.Locator("#total-net")).ToHaveTextAsync("¥7,730.00");
        await Assertions.Expect(phone.Locator("#total-cancelled")).ToHaveTextAsync("-¥3,865.00");
        await Assertions.Expect(phone.Locator(".penalty-entry")).ToHaveCountAsync(4);
        await Assertions.Expect(phone.Locator(".waive-entry")).ToHaveCountAsync(0);
        await phone.ShotAsync("statement-customer-360");
        var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the statement must fit a 360 px phone");
    }

    static async Task<byte[]> ReadAsync(IDownload download)
    {
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path!);
    }

    /// <summary>
    /// A demo school's request that nobody answers: after 75 hours the accrual has charged the
    /// missed response and the first two late days (1% of the ¥386,500.00 contract each).
    /// </summary>
    static async Task<long> LateWorkOrderAsync(LiveApp app)
    {
        var asset = await app.DbAsync(db =>
            db.Assets.OrderBy(a => a.Id)
                .Select(a => new
                {
                    a.Id,
                    a.CustomerId,
                    a.ContractId,
                })
                .FirstAsync()
        );
        var secret = await app.DbAsync(async db =>
        {
            var (key, secret) = ApiKey.Create("journey", [Policies.HandleWorkOrders], "test", app.Clock.GetUtcNow().UtcDateTime);
            db.Add(key);
            await db.SaveChangesAsync();
            return secret;
        });
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var created = await api.PostAsJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = asset.CustomerId,
                assetIds = new[] { asset.Id },
                description = "荣誉墙灯带不亮",
            },
            HttpExtensions.Json
        );
        created.EnsureSuccessStatusCode();
        foreach (var hours in new[] { 5, 45, 25 })
        {
            app.Clock.Advance(TimeSpan.FromHours(hours));
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(CancellationToken.None);
        }
        return asset.ContractId;
    }
}
