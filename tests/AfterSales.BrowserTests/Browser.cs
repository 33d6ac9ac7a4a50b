using System.Net;
using AfterSales.Tests.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

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
        // A loaded 2-core CI machine can take seconds to answer a post; waits give it room, not sleeps.
        Assertions.SetDefaultExpectTimeout(15_000);
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
        // Pages, downloads and PDFs on a loaded CI machine: generous limits, still a failure when nothing comes.
        context.SetDefaultTimeout(60_000);
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

    /// <summary>
    /// Runs a journey; when it fails, every open page is saved as failed-<paramref name="name"/>-N.png
    /// next to the other screenshots, so a failure in CI shows where each role stood.
    /// </summary>
    public static async Task JourneyAsync(this IBrowser browser, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            var n = 0;
            foreach (var page in browser.Contexts.SelectMany(c => c.Pages))
            {
                try
                {
                    await page.ShotAsync($"failed-{name}-{++n}");
                }
                catch (PlaywrightException) { }
            }
            throw;
        }
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
        // Signed in once the redirect's page is parsed; the next step waits for what it needs. Waiting
        // for the whole load as well once timed out on a loaded CI machine with the page already shown.
        await page.WaitForURLAsync(
            u => !u.Contains("/Account/Login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded }
        );
    }

    /// <summary>
    /// On a phone the navbar is collapsed: opens it and awaits the collapse animation, so a click
    /// cannot land on a moving link. On a wide screen, or once opened, it is open already.
    /// </summary>
    public static async Task OpenMenuAsync(this IPage page)
    {
        if (await page.Locator(".navbar-toggler").IsVisibleAsync() && await page.Locator("#nav.collapse.show").CountAsync() == 0)
        {
            await page.ClickAsync(".navbar-toggler");
            await page.Locator("#nav.collapse.show").WaitForAsync();
        }
    }

    /// <summary>Follows a navbar link (opening the menu on a phone) and waits for its page.</summary>
    public static async Task FollowMenuAsync(this IPage page, string link)
    {
        await page.OpenMenuAsync();
        var href = await page.Locator(link).GetAttributeAsync("href");
        await page.ClickAsync(link);
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == href);
    }

    /// <summary>Switches the language from the navbar.</summary>
    public static async Task SwitchLanguageAsync(this IPage page)
    {
        await page.OpenMenuAsync();
        var button = page.Locator("#switch-language");
        var before = await button.InnerTextAsync();
        await button.ClickAsync();
        await Assertions.Expect(button).Not.ToHaveTextAsync(before);
    }

    /// <summary>True when the page is wider than the screen (a phone user would have to scroll sideways).</summary>
    public static Task<bool> OverflowsAsync(this IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>A small solid-colour PNG, as a phone camera upload would be.</summary>
    public static byte[] Png(int width = 160, int height = 120, uint colour = 0xFF1E78C8)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
            canvas.Clear(new SKColor(colour));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
