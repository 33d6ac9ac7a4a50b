using AfterSales.Features.Demo;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Board.Search;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.WorkOrders.Board;

/// <summary>The board search through its n-gram index: same results as the substring test, kept by every path.</summary>
public sealed class BoardSearchIndexTests
{
    static async Task<long[]> Ids(HttpClient client, string q, string more = "") =>
        BoardArrange.RowIds(await client.GetPageAsync("/Dispatch?q=" + Uri.EscapeDataString(q) + more));

    /// <summary>What the background indexer does every second: the queued work orders' postings.</summary>
    static async Task<int> IndexAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
    }

    static Task<int> Queued(AppFactory app) => app.DbAsync(db => db.WorkOrderSearchPending.CountAsync());

    static Task<int> Postings(AppFactory app, long workOrderId) =>
        app.DbAsync(db => db.WorkOrderSearchGrams.CountAsync(g => g.WorkOrderId == workOrderId));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_finds_by_two_and_longer_chinese_terms_by_number_and_by_customer_name_and_nothing_for_an_absent_term(
        bool indexed
    )
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var other = await arrange.SecondCustomerIdAsync();
        var lightBox = await arrange.OpenAsync("三楼走廊的灯箱闪烁不停");
        var loose = await arrange.OpenAsync("门牌松动，灯箱完好");
        var sign = await arrange.OpenAsync("门诊楼指示牌脱落", customerId: other);
        if (indexed)
            (await IndexAsync(app)).ShouldBe(3);
        (await Queued(app)).ShouldBe(indexed ? 0 : 3);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        (await Ids(dispatcher, "灯箱")).ShouldBe([lightBox.Id, loose.Id]);
        (await Ids(dispatcher, "松动")).ShouldBe([loose.Id]);
        // Two characters at the end of a description: its last bigram.
        (await Ids(dispatcher, "不停")).ShouldBe([lightBox.Id]);
        (await Ids(dispatcher, "完好")).ShouldBe([loose.Id]);
        (await Ids(dispatcher, "灯箱闪烁")).ShouldBe([lightBox.Id]);
        (await Ids(dispatcher, "走廊的灯箱闪烁不停")).ShouldBe([lightBox.Id]);
        (await Ids(dispatcher, "指示牌")).ShouldBe([sign.Id]);
        (await Ids(dispatcher, sign.Number)).ShouldBe([sign.Id]);
        (await Ids(dispatcher, sign.Number[^4..])).ShouldBe([sign.Id]);
        (await Ids(dispatcher, loose.Number.ToLowerInvariant())).ShouldBe([loose.Id]);
        (await Ids(dispatcher, "人民医院")).ShouldBe([sign.Id]);
        (await Ids(dispatcher, "广告牌")).ShouldBeEmpty();
        (await Ids(dispatcher, "灯牌")).ShouldBeEmpty();
        // Grams all present, the term itself not: the substring test decides.
        (await Ids(dispatcher, "灯箱松动")).ShouldBeEmpty();
        // One character has no gram: the board walks and finds the same.
        (await Ids(dispatcher, "箱")).ShouldBe([lightBox.Id, loose.Id]);
        // With a filter besides.
        (await Ids(dispatcher, "灯箱", $"&customer={arrange.World.CustomerId}")).ShouldBe([lightBox.Id, loose.Id]);
        (await Ids(dispatcher, "灯箱", $"&customer={other}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_two_character_term_is_looked_up_in_the_index_wherever_it_stands_in_the_text()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var inside = await arrange.OpenAsync("三楼灯箱闪烁");
        var atEnd = await arrange.OpenAsync("门牌松动，检查灯箱");
        var twoCharacters = await arrange.OpenAsync("灯箱");
        await arrange.OpenAsync("指示牌脱落");
        await IndexAsync(app);

        // Candidates from the index (null would mean the board walks instead).
        var found = await app.DbAsync(db => SearchCandidates.FindAsync(db, "灯箱", CancellationToken.None));

        found.ShouldNotBeNull().ShouldBe([inside.Id, atEnd.Id, twoCharacters.Id], ignoreOrder: true);
        (await app.DbAsync(db => SearchCandidates.FindAsync(db, "箱闪", CancellationToken.None))).ShouldBe([inside.Id]);
        // Followed by fullwidth punctuation (U+FF0C), above the surrogates in UTF-16 but in the range in code points.
        (await app.DbAsync(db => SearchCandidates.FindAsync(db, "松动", CancellationToken.None))).ShouldBe([atEnd.Id]);
        (await app.DbAsync(db => SearchCandidates.FindAsync(db, "灯笼", CancellationToken.None))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_closed_work_order_drops_out_of_the_search_and_comes_back_when_reopened()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("导向牌字体脱落");
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        await IndexAsync(app);
        (await Postings(app, w.Id)).ShouldBeGreaterThan(0);

        w = await arrange.EventAsync(w, "remote-diagnosis", "远程指导后恢复", solved: true);
        w = await arrange.EventAsync(w, "close");

        (await Ids(dispatcher, "字体脱落")).ShouldBeEmpty();
        (await Postings(app, w.Id)).ShouldBe(0);

        w = await arrange.EventAsync(w, "reopen", "客户反映再次脱落");

        (await Ids(dispatcher, "字体脱落")).ShouldBe([w.Id]);
        (await Ids(dispatcher, "脱落")).ShouldBe([w.Id]);
        (await Ids(dispatcher, w.Number)).ShouldBe([w.Id]);
    }

    [Fact]
    public async Task A_work_order_opened_on_the_intake_page_or_through_the_api_is_indexed_with_the_grams_of_its_number_and_description()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("立柱倾斜");
        (await Queued(app)).ShouldBe(1);
        (await Postings(app, w.Id)).ShouldBe(0);

        (await IndexAsync(app)).ShouldBe(1);

        (await Queued(app)).ShouldBe(0);
        var grams = await app.DbAsync(db => db.WorkOrderSearchGrams.Where(g => g.WorkOrderId == w.Id).Select(g => g.Gram).ToListAsync());

        grams.ShouldBe(SearchGrams.Of(w.Number).Union(SearchGrams.Of("立柱倾斜")).Distinct(), ignoreOrder: true);
        grams.ShouldContain("立柱倾");
        grams.ShouldContain("柱倾斜");
        grams.ShouldContain("倾斜");
        // A bigram is found as the beginning of a trigram: only the last one is posted.
        grams.ShouldNotContain("立柱");
        grams.ShouldNotContain("柱倾");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Next_page_links_walk_every_search_result_found_through_the_index_once_in_board_order(bool indexed)
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        foreach (var minutes in new[] { 0, 90, 90, 30, 200 })
            await arrange.OpenAsync($"灯箱不亮 {minutes}", ago: TimeSpan.FromMinutes(minutes));
        await arrange.OpenAsync("门牌褪色");
        await arrange.OpenPausedAsync("灯箱不亮，等待客户");
        await arrange.OpenPausedAsync("灯箱不亮，客户未回复");
        await arrange.OpenPausedAsync("标牌松动，等待客户");
        if (indexed)
            await IndexAsync(app);
        var expected = await app.DbAsync(async db =>
            (await db.WorkOrders.Where(w => w.Description.Contains("灯箱不亮")).Select(w => new { w.Id, w.NextDueUtc }).ToListAsync())
                .OrderBy(w => w.NextDueUtc is null)
                .ThenBy(w => w.NextDueUtc)
                .ThenBy(w => w.Id)
                .Select(w => w.Id)
                .ToList()
        );
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);

        var seen = new List<long>();
        var url = "/Dispatch?size=2&q=" + Uri.EscapeDataString("灯箱不亮");
        var pages = 0;
        while (url is not null && pages++ < 20)
        {
            var page = await dispatcher.GetPageAsync(url);
            var ids = BoardArrange.RowIds(page);
            ids.Length.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(ids);
            url = page.QuerySelector("#next-page")?.GetAttribute("href")?.Replace("&amp;", "&", StringComparison.Ordinal);
        }

        expected.Count.ShouldBe(7);
        seen.ShouldBe(expected);
        pages.ShouldBe(4);
    }

    [Fact]
    public async Task An_index_emptied_with_its_open_work_orders_queued_as_a_change_of_grams_leaves_it_is_built_on_start_and_the_queue_emptied()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("控制器故障");
        await IndexAsync(app);
        await app.DbAsync(async db =>
        {
            await db.WorkOrderSearchGrams.ExecuteDeleteAsync();
            return await db.Database.ExecuteSqlAsync($"""INSERT INTO "WorkOrderSearchPending" ("WorkOrderId") VALUES ({w.Id})""");
        });

        await using var restarted = app.SecondNode();
        var dispatcher = await restarted.SignInAsync(Roles.Dispatcher);

        (await Queued(restarted)).ShouldBe(0);
        (await Postings(restarted, w.Id)).ShouldBe(SearchIndex.GramsOf(w.Number, w.Description).Count());
        (await Ids(dispatcher, "故障")).ShouldBe([w.Id]);
    }

    [Fact]
    public async Task A_database_whose_open_work_orders_are_not_indexed_gets_its_index_built_on_start()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var w = await arrange.OpenAsync("控制器故障");
        var closed = await arrange.EventAsync(await arrange.OpenAsync("控制器进水"), "remote-diagnosis", "已恢复", solved: true);
        closed = await arrange.EventAsync(closed, "close");
        await IndexAsync(app);
        (await app.DbAsync(db => db.WorkOrderSearchGrams.ExecuteDeleteAsync())).ShouldBeGreaterThan(0);

        await using var restarted = app.SecondNode();
        var dispatcher = await restarted.SignInAsync(Roles.Dispatcher);

        (await Ids(dispatcher, "控制器")).ShouldBe([w.Id]);
        (await restarted.DbAsync(db => db.WorkOrderSearchGrams.Select(g => g.WorkOrderId).Distinct().ToListAsync())).ShouldBe([w.Id]);
    }

    [Fact]
    public async Task Generated_work_orders_are_indexed_when_open_and_not_when_closed()
    {
        await using var app = new AppFactory();
        using (var scope = app.Services.CreateScope())
            await BulkWorkOrders.GenerateAsync(scope.ServiceProvider, 300, 11, CancellationToken.None);

        await app.DbAsync(async db =>
        {
            var open = await db
                .WorkOrders.Where(w => w.Status != WorkOrderStatus.Closed)
                .Select(w => new
                {
                    w.Id,
                    w.Number,
                    w.Description,
                })
                .ToListAsync();
            open.ShouldNotBeEmpty();
            var postings = (await db.WorkOrderSearchGrams.Select(g => new { g.WorkOrderId, g.Gram }).ToListAsync()).ToLookup(
                g => g.WorkOrderId,
                g => g.Gram
            );
            postings.Select(p => p.Key).ShouldBe(open.Select(w => w.Id), ignoreOrder: true);
            foreach (var w in open)
                postings[w.Id].ShouldBe(SearchGrams.Of(w.Number).Union(SearchGrams.Of(w.Description)).Distinct(), ignoreOrder: true);
        });
    }

    [Fact]
    public async Task A_work_order_closed_before_the_indexer_reaches_it_is_never_indexed_and_drops_out_of_the_queue()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var open = await arrange.OpenAsync("广告牌灯管闪烁");
        var closed = await arrange.EventAsync(
            await arrange.OpenAsync("广告牌灯管不亮"),
            "remote-diagnosis",
            "远程指导后恢复",
            solved: true
        );
        closed = await arrange.EventAsync(closed, "close");
        (await Queued(app)).ShouldBe(1);

        (await IndexAsync(app)).ShouldBe(1);

        (await Postings(app, open.Id)).ShouldBeGreaterThan(0);
        (await Postings(app, closed.Id)).ShouldBe(0);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        (await Ids(dispatcher, "广告牌灯管")).ShouldBe([open.Id]);
    }

    [Fact]
    public async Task Indexing_again_or_on_two_nodes_at_once_writes_each_posting_once()
    {
        await using var app = new AppFactory();
        var arrange = await BoardArrange.CreateAsync(app);
        var opened = new List<WorkOrderOutput>();
        for (var i = 0; i < 7; i++)
            opened.Add(await arrange.OpenAsync($"灯箱不亮 第{i}号"));
        await using var second = app.SecondNode();
        var expected = opened.Sum(w => SearchIndex.GramsOf(w.Number, w.Description).Count());

        async Task<int> Index(AppFactory node, int batch)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var indexer = new SearchIndexer(
                scope.ServiceProvider.GetRequiredService<AfterSales.Platform.Data.AppDbContext>(),
                scope.ServiceProvider.GetRequiredService<AfterSales.Platform.Data.GroupCommit>(),
                scope.ServiceProvider.GetRequiredService<CurrentUser>()
            )
            {
                BatchSize = batch,
            };
            return await indexer.RunOnceAsync(CancellationToken.None);
        }
        var both = await Task.WhenAll(Task.Run(() => Index(app, 2)), Task.Run(() => Index(second, 3)));

        both.Sum().ShouldBe(7);
        (await IndexAsync(app)).ShouldBe(0);
        (await Queued(app)).ShouldBe(0);
        (await app.DbAsync(db => db.WorkOrderSearchGrams.CountAsync())).ShouldBe(expected);
        var dispatcher = await app.SignInAsync(Roles.Dispatcher);
        (await Ids(dispatcher, "灯箱不亮")).ShouldBe(opened.Select(w => w.Id), ignoreOrder: true);
    }
}
