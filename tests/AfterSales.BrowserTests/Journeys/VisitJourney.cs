using System.Net.Http.Json;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

public sealed class VisitJourney
{
    [Fact]
    public async Task A_technician_checks_in_and_the_customer_signs_with_a_finger_on_a_phone()
    {
        await using var app = new LiveApp();
        var tech = await app.CreateUserAsync("techvisit", Roles.Technician);
        var workOrderId = await DispatchedWorkOrderAsync(app, tech.Id);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(app.BaseUrl, 360, 780);

        await page.SignInAsync(tech.UserName!, AppFactory.Password);
        await page.GotoAsync("/My");
        await page.ShotAsync("visit-my-360");
        await page.ClickAsync($".work-order-card[data-id='{workOrderId}']");
        await page.ClickAsync("#check-in");
        await Assertions.Expect(page.Locator("#checked-in")).ToBeVisibleAsync();

        // Coordinates are the viewport's: bring the pad on screen first, as the customer's finger would.
        await page.Locator("#signature-pad").ScrollIntoViewIfNeededAsync();
        var pad = await page.Locator("#signature-pad").BoundingBoxAsync();
        await page.Mouse.MoveAsync(pad!.X + 20, pad.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(pad.X + 120, pad.Y + 80, new() { Steps = 8 });
        await page.Mouse.MoveAsync(pad.X + 200, pad.Y + 30, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.FillAsync("#sign_SignerName", "王老师");
        await page.ShotAsync("visit-screen-360");
        await page.ClickAsync("#sign");

        await page.ShotAsync("visit-signed-360");
        await Assertions.Expect(page.Locator("#signature-image")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the visit screen must fit a 360 px phone");
        var visit = await app.DbAsync(db => db.Visits.SingleAsync(v => v.WorkOrderId == workOrderId));
        visit.SignerName.ShouldBe("王老师");
    }

    /// <summary>A demo customer's request, dispatched through the API as a machine client would.</summary>
    static async Task<long> DispatchedWorkOrderAsync(LiveApp app, string technicianId)
    {
        var asset = await app.DbAsync(db => db.Assets.OrderBy(x => x.Id).Select(x => new { x.Id, x.CustomerId }).FirstAsync());
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
                description = "显示屏黑屏",
            },
            HttpExtensions.Json
        );
        var w = await created.EnsureSuccessStatusCode().ReadJsonAsync<WorkOrderOutput>();
        var dispatch = await api.PostAsJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type = "dispatch",
                technicianId,
                version = w.Version,
            },
            HttpExtensions.Json
        );
        dispatch.EnsureSuccessStatusCode();
        return w.Id;
    }
}
