using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>The accident page links the round and the finding it rests on, for whoever may open them.</summary>
public sealed class AccidentLinkTests
{
    static readonly DateTimeOffset Accident = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);

    static object Body(AccidentWorld w) =>
        new
        {
            customerId = w.World.CustomerId,
            assetId = w.World.AssetId,
            occurredAt = Accident,
            description = "底座松动的广告牌倒塌",
            lossesFen = 0,
        };

    [Fact]
    public async Task Staff_and_the_customer_follow_links_to_the_open_finding_on_its_round_page_and_a_technician_of_another_round_gets_none()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var (round, finding) = await w.CompletedRoundWithHazardAsync(fixedAtUtc: null);
        var agent = await app.SignInAsync(Roles.Agent);
        var accident = await AccidentWorld.RecordAsync(agent, Body(w));
        var url = $"/Accidents/{accident.Id}";

        var page = await agent.GetPageAsync(url);
        var item = page.QuerySelector($"#accident-findings .accident-finding[data-id='{finding}']")!;
        item.QuerySelector(".accident-finding-link")!.GetAttribute("href").ShouldBe($"/Inspections/{round}#finding-{finding}");
        item.QuerySelector(".accident-finding-round")!.GetAttribute("href").ShouldBe($"/Inspections/{round}");
        var roundPage = await agent.GetPageAsync($"/Inspections/{round}");
        roundPage.QuerySelector($"#finding-{finding}").ShouldNotBeNull();

        var customer = await app.SignInAsync(Roles.Customer, w.World.CustomerId);
        var own = await customer.GetPageAsync(url);
        own.QuerySelector($".accident-finding[data-id='{finding}'] .accident-finding-link")!
            .GetAttribute("href")
            .ShouldBe($"/Inspections/{round}#finding-{finding}");
        (await customer.GetAsync($"/Inspections/{round}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The round was another technician's: this one could not open it, so the page names it without a link.
        var technician = await app.SignInAsync(Roles.Technician);
        var named = await technician.GetPageAsync(url);
        named.QuerySelector($".accident-finding[data-id='{finding}']")!.TextContent.ShouldContain($"巡检 #{round}");
        named.QuerySelectorAll($"a[href^='/Inspections/{round}']").Length.ShouldBe(0);
        (await technician.GetAsync($"/Inspections/{round}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );

        var stranger = await app.SignInAsync(Roles.Customer, w.World.CustomerId + 1);
        (await stranger.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_missed_round_an_accident_rests_on_is_linked()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var round = await w.MissedRoundAsync();
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        var accident = await AccidentWorld.RecordAsync(dispatcher, Body(w));

        var page = await dispatcher.GetPageAsync($"/Accidents/{accident.Id}");
        page.QuerySelector("#accident-round-link")!.GetAttribute("href").ShouldBe($"/Inspections/{round}");
        var customer = await app.SignInAsync(Roles.Customer, w.World.CustomerId);
        (await customer.GetPageAsync($"/Accidents/{accident.Id}"))
            .QuerySelector("#accident-round-link")!
            .GetAttribute("href")
            .ShouldBe($"/Inspections/{round}");
    }
}
