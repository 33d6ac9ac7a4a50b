using System.Net;
using AfterSales.Features.Accidents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Accidents;

/// <summary>Bad input is refused with a clear message and changes nothing; customers see only their own accidents.</summary>
public sealed class AccidentRefusalTests
{
    static readonly DateTimeOffset Accident = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);

    /// <summary>What is wrong, the field named in the answer, and the answer: a missing field is a 400 like every API here, a broken rule a 422.</summary>
    public static TheoryData<string, string, HttpStatusCode> BadInputs =>
        new()
        {
            { "negative losses", "lossesFen", HttpStatusCode.UnprocessableEntity },
            { "future time", "occurredAt", HttpStatusCode.UnprocessableEntity },
            { "asset of another customer", "assetId", HttpStatusCode.UnprocessableEntity },
            { "evidence of another customer's asset", "documentIds", HttpStatusCode.UnprocessableEntity },
            { "losses without evidence", "documentIds", HttpStatusCode.UnprocessableEntity },
            { "no description", "description", HttpStatusCode.BadRequest },
        };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_and_changes_nothing(string what, string field, HttpStatusCode expected)
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        await w.MissedRoundAsync();
        var photo = await w.AssetPhotoAsync();
        var otherPhoto = await w.AssetPhotoAsync(w.World.OtherCustomerAssetId, await OtherCustomerAsync(app, w));
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var r = await agent.PostJsonAsync(
            "/api/v1/accidents",
            new
            {
                customerId = w.World.CustomerId,
                assetId = what == "asset of another customer" ? w.World.OtherCustomerAssetId : w.World.AssetId,
                occurredAt = what == "future time" ? AppFactory.T0.AddMinutes(1) : Accident,
                description = what == "no description" ? " " : "广告牌倾倒",
                lossesFen = what == "negative losses" ? -1 : 50_000,
                documentIds = what switch
                {
                    "evidence of another customer's asset" => new[] { otherPhoto },
                    "losses without evidence" => [],
                    _ => new[] { photo },
                },
            }
        );

        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        (await r.Content.ReadAsStringAsync()).ShouldContain($"\"{field}\"");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Null_evidence_means_none_losses_with_it_are_refused_and_without_losses_it_is_recorded()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        await w.MissedRoundAsync();
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var refused = await agent.PostJsonAsync(
            "/api/v1/accidents",
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "广告牌倾倒",
                lossesFen = 50_000,
                documentIds = (long[]?)null,
            }
        );

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await refused.Content.ReadAsStringAsync());
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("\"documentIds\"");
        body.ShouldContain("有损失时请选择证明损失的文档");
        (await app.SnapshotAsync()).ShouldBe(before);

        var recorded = await AccidentWorld.RecordAsync(
            agent,
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "广告牌倾倒",
                lossesFen = 0,
                documentIds = (long[]?)null,
            }
        );
        recorded.DocumentIds.ShouldBeEmpty();
        recorded.Preventable.ShouldBeTrue();
    }

    [Fact]
    public async Task The_form_refuses_a_future_time_and_shows_why()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        (await dispatcher.GetPageAsync($"/Assets/{w.World.AssetId}")).QuerySelector("#record-accident").ShouldNotBeNull();
        var before = await app.SnapshotAsync();

        var r = await dispatcher.PostFormAsync(
            $"/Accidents/New?assetId={w.World.AssetId}",
            new()
            {
                ["AssetId"] = w.World.AssetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.OccurredAt"] = "2026-11-25T10:30", // Shanghai: half an hour from now
                ["Input.Description"] = "广告牌倾倒",
                ["Input.Losses"] = "-5",
            }
        );

        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await r.ParseAsync()).QuerySelector("#accident-errors")!.TextContent.ShouldContain("不能");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_customer_sees_its_own_accidents_and_no_one_elses()
    {
        await using var app = new AppFactory();
        var w = await AccidentWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Agent);
        var mine = await AccidentWorld.RecordAsync(
            agent,
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident,
                description = "广告牌倾倒",
                lossesFen = 0,
            }
        );
        var theirs = await AccidentWorld.RecordAsync(
            agent,
            new
            {
                assetId = w.World.OtherCustomerAssetId,
                occurredAt = Accident,
                description = "灯箱脱落",
                lossesFen = 0,
            }
        );
        var customer = await app.SignInAsync(Roles.Customer, w.World.CustomerId);

        var list = await (await customer.GetAsync("/api/v1/accidents")).ReadJsonAsync<AccidentList>();
        list.Items.Select(a => a.Id).ShouldBe([mine.Id]);
        (await customer.GetAsync($"/api/v1/accidents/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync($"/api/v1/accidents/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/Accidents/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/Accidents/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await app.SnapshotAsync();
        var write = await customer.PostJsonAsync(
            "/api/v1/accidents",
            new
            {
                assetId = w.World.AssetId,
                occurredAt = Accident.AddHours(-1),
                description = "自行登记",
                lossesFen = 0,
            }
        );
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    static Task<long> OtherCustomerAsync(AppFactory app, AccidentWorld w) =>
        app.DbAsync(db => Task.FromResult(db.Assets.Where(a => a.Id == w.World.OtherCustomerAssetId).Select(a => a.CustomerId).First()));
}
