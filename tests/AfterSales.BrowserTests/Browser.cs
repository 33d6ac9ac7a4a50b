using System.Net;
using AfterSales.Tests.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests;

/// <summary>The application on a real loopback port, with demo data, for Debian's Chromium.</summary>
public sealed class LiveApp : AppFactory
{
    public LiveApp()
        : base(demo: true)
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}

/// <summary>
/// Chromium from the distribution (never a downloaded browser), headless, with no network but
/// loopback. A missing browser fails the test: in CI these tests must run.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (ci/test.sh installs it).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args =
                [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );
        return (playwright, browser);
    }

    /// <summary>A page in a fresh context; <paramref name="width"/> 360 is a phone.</summary>
    public static async Task<IPage> NewPageAsync(this IBrowser browser, string baseUrl, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(
            new()
            {
                BaseURL = baseUrl,
                ViewportSize = new() { Width = width, Height = height },
                Locale = "zh-CN",
                IsMobile = width < 500,
                HasTouch = width < 500,
            }
        );
        // Nothing may leave the machine: every request must go to the application itself.
        await context.RouteAsync(
            "**/*",
            route =>
                route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal)
                || route.Request.Url.StartsWith("data:", StringComparison.Ordinal)
                    ? route.ContinueAsync()
                    : throw new InvalidOperationException($"external request: {route.Request.Url}")
        );
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots (kept as a CI artifact).</summary>
    public static async Task ShotAsync(this IPage page, string name)
    {
        var dir = Path.Combine(Artifacts, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"{name}.png"), FullPage = true });
    }

    static string Artifacts =>
        Environment.GetEnvironmentVariable("AFTERSALES_ARTIFACTS") is { Length: > 0 } a
            ? a
            : Path.Combine(AppContext.BaseDirectory, "TestResults");

    public static async Task SignInAsync(this IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Switches the language from the navbar; on a phone the menu is opened first and its collapse
    /// animation awaited, so the click cannot land on a moving button.
    /// </summary>
    public static async Task SwitchLanguageAsync(this IPage page)
    {
        if (await page.Locator(".navbar-toggler").IsVisibleAsync())
        {
            await page.ClickAsync(".navbar-toggler");
            await page.Locator("#nav.collapse.show").WaitForAsync();
        }
        var button = page.Locator("#switch-language");
        var before = await button.InnerTextAsync();
        await button.ClickAsync();
        await Assertions.Expect(button).Not.ToHaveTextAsync(before);
    }
}
