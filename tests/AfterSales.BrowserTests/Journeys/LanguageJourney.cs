using AfterSales.Features.Demo;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

public sealed class LanguageJourney
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task An_agent_switches_to_english_and_the_choice_is_remembered(int width)
    {
        await using var app = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(app.BaseUrl, width);

        await page.SignInAsync("agent", DemoData.Password);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("欢迎");
        await page.ShotAsync($"home-zh-{width}");
        await page.SwitchLanguageAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        await page.ShotAsync($"home-en-{width}");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the page must fit the screen width without horizontal scrolling");
    }
}
