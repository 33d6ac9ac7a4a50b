using AfterSales.Features.Customers;
using AfterSales.Features.Demo;
using Microsoft.Playwright;

namespace AfterSales.BrowserTests.Journeys;

/// <summary>Issue: an agent records a new customer's contract and installation and finds it all on the archive card.</summary>
public sealed class ArchiveCardJourney
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task An_agent_builds_an_archive_card_from_customer_to_installation_photo(int width)
    {
        await using var app = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(app.BaseUrl, width);
        await page.SignInAsync("agent", DemoData.Password);

        // 用户单位
        await page.GotoAsync("/Customers/New");
        await page.FillAsync("#Input_Name", "绍兴市实验小学");
        await page.FillAsync("#Input_CreditCode", "12330600470111236" + CreditCode.CheckCharacter("12330600470111236"));
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/Customers/\d+$"));
        var cardUrl = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync($"{cardUrl}/Sites/New");
        await page.FillAsync("#Input_Name", "本部");
        await page.FillAsync("#Input_Address", "绍兴市越城区解放北路 1 号");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == cardUrl);

        // 合同
        await page.GotoAsync($"/Contracts/New?customerId={cardUrl.Split('/')[^1]}");
        await page.FillAsync("#Input_Number", $"HT-2026-{width}");
        await page.FillAsync("#Input_Title", "校园门牌及荣誉墙");
        await page.FillAsync("#Input_Total", "128,000.50");
        await page.FillAsync("#Input_SignedOn", "2026-03-01");
        await page.FillAsync("#Input_DeliveredOn", "2026-04-15");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/Contracts/\d+$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("¥128,000.50");
        await page.ShotAsync($"journey-contract-{width}");

        // 设备
        await page.GotoAsync($"/Assets/New?customerId={cardUrl.Split('/')[^1]}");
        await ChooseLastAsync(page, "#Input_ContractId");
        await ChooseLastAsync(page, "#Input_SiteId");
        await page.SelectOptionAsync("#Input_ProductTypeId", new SelectOptionValue { Label = "荣誉墙/背景墙" });
        await page.FillAsync("#Input_Quantity", "1");
        await page.FillAsync("#Input_Location", "教学楼一层大厅");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/Assets/\d+$"));

        // 安装过程照片
        await page.SetInputFilesAsync(
            "input[name='Input.File']",
            new FilePayload
            {
                Name = "step1.png",
                MimeType = "image/png",
                Buffer = Browser.Png(),
            }
        );
        await page.SelectOptionAsync("select[name='Input.Kind']", "InstallationPhoto");
        await page.FillAsync("input[name='Input.Step']", "1");
        await page.FillAsync("input[name='Input.Caption']", "完工效果");
        await page.ClickAsync(".upload-document");
        await Assertions.Expect(page.Locator(".document").First).ToContainTextAsync("step1.png");

        // 顾客档案卡
        await page.GotoAsync(cardUrl);
        await Assertions.Expect(page.Locator("#customer-name")).ToHaveTextAsync("绍兴市实验小学");
        await Assertions.Expect(page.Locator("#contracts")).ToContainTextAsync($"HT-2026-{width}");
        await Assertions.Expect(page.Locator("#assets")).ToContainTextAsync("教学楼一层大厅");
        await Assertions.Expect(page.Locator("#assets .installation-photo img")).ToBeVisibleAsync();
        await page.ShotAsync($"journey-card-zh-{width}");
        (await page.OverflowsAsync()).ShouldBeFalse();

        // English, from the same page
        await page.SwitchLanguageAsync();
        await Assertions.Expect(page.Locator("#contracts")).ToContainTextAsync("Contracts");
        await Assertions.Expect(page.Locator("#contracts")).ToContainTextAsync($"HT-2026-{width}");
        await page.ShotAsync($"journey-card-en-{width}");
    }

    static async Task ChooseLastAsync(IPage page, string select)
    {
        var value = await page.Locator($"{select} option").Last.GetAttributeAsync("value");
        await page.SelectOptionAsync(select, value!);
    }
}
