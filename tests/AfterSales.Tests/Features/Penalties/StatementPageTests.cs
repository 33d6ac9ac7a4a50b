using System.Net;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Formatting;
using AfterSales.Tests.Platform;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

public sealed class StatementPageTests
{
    [Fact]
    public async Task The_statement_lists_every_entry_with_its_evidence_the_totals_and_the_net_in_capitals()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);

        var page = await w.Manager.GetPageAsync(w.StatementUrl);

        var entries = page.QuerySelectorAll(".penalty-entry").ToList();
        entries.Select(e => e.GetAttribute("data-kind")).ShouldBe(["MissedResponse", "LateRestoration", "LateRestoration", "Loss"]);
        entries.Select(e => e.GetAttribute("data-seq")).ShouldBe(["1", "2", "3", "4"]);
        entries
            .Select(e => long.Parse(e.GetAttribute("data-amount-fen")!))
            .ShouldBe([StatementWorld.EntryFen, StatementWorld.EntryFen, StatementWorld.EntryFen, StatementWorld.LossFen]);
        page.Text("#total-penalties").ShouldBe("¥3,000.00");
        page.Text("#total-losses").ShouldBe("¥2,345.67");
        page.Text("#total-cancelled").ShouldBe("¥0.00");
        page.Text("#total-net").ShouldBe("¥5,345.67");
        page.Text("#net-capitals").ShouldBe("伍仟叁佰肆拾伍元陆角柒分");
        page.Text("#entry-count").ShouldBe("4");
        page.QuerySelector("#chain-status")!.GetAttribute("data-intact").ShouldBe("true");
        page.Text("#chain-status").ShouldContain("共 4 条记录");
        var head = await app.DbAsync(db =>
            db.PenaltyEntries.Where(e => e.ContractId == w.ContractId && e.Sequence == 4).Select(e => e.Hash).SingleAsync()
        );
        page.Text("#statement-head").ShouldBe($"第 4 条 {head}");
        page.QuerySelectorAll(".kind-total")
            .Select(k => (k.GetAttribute("data-kind"), k.In(".kind-count"), k.In(".kind-amount")))
            .ShouldBe([("MissedResponse", "1", "¥1,000.00"), ("LateRestoration", "2", "¥2,000.00"), ("Loss", "1", "¥2,345.67")]);

        // The missed response: its clock, the receipt that started it (when, recorded when, by whom), not met yet.
        var first = Evidence(entries[0]);
        first.ShouldContain(t => t.StartsWith("时限：响应时限", StringComparison.Ordinal) && t.Contains("到期 2026-11-25 14:00"));
        first.ShouldContain(t =>
            t.StartsWith("开始事件：受理", StringComparison.Ordinal) && t.Contains("发生 2026-11-25 10:00，记录 2026-11-25 10:00")
        );
        first.ShouldContain("结束事件：尚未发生");
        entries[0].In(".entry-basis").ShouldBe("合同总额 ¥100,000.00 × 1.00%");
        // WO2's late day: the pause that moved its deadline, and the restoration that ended it.
        var third = Evidence(entries[2]);
        third.ShouldContain(t => t.Contains("到期 2026-11-27 11:00"));
        third.ShouldContain("暂停：2026-11-25 12:00 至 2026-11-25 13:00：等待客户开放机房");
        third.ShouldContain(t => t.StartsWith("结束事件（记录本条之后）：恢复运行：更换镇流器后恢复", StringComparison.Ordinal));
        entries[2].In(".entry-title").ShouldBe("逾期恢复第1天");
        // The loss: its assessment and the document it rests on.
        entries[3].In(".entry-description").ShouldBe("标识牌坠落砸坏客户展板，按采购价评估");
        Evidence(entries[3]).ShouldContain(t => t.StartsWith("文档：损坏现场.png · SHA-256 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_takes_whole_days_in_the_customers_time_zone()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);

        // The missed response occurred at 14:00 Beijing time on the 25th (06:00 UTC); the late days on the 27th.
        var day25 = await w.Manager.GetPageAsync($"{w.StatementUrl}?from=2026-11-25&to=2026-11-25");
        day25.QuerySelectorAll(".penalty-entry").Select(e => e.GetAttribute("data-seq")).ShouldBe(["1"]);
        day25.Text("#total-net").ShouldBe("¥1,000.00");
        day25.Text("#statement-period").ShouldStartWith("2026-11-25 至 2026-11-25");

        var later = await w.Manager.GetPageAsync($"{w.StatementUrl}?from=2026-11-26");
        later.QuerySelectorAll(".penalty-entry").Select(e => e.GetAttribute("data-seq")).ShouldBe(["2", "3", "4"]);
        later.Text("#total-net").ShouldBe("¥4,345.67");

        var month = await w.Manager.GetPageAsync(w.StatementUrl + "?from=2026-12-01&to=2026-12-31");
        month.QuerySelector("#no-entries").ShouldNotBeNull();
        month.Text("#net-capitals").ShouldBe("零元整");
        // The quick links name this month and last month in the customer's calendar (now: 2026-11-27 in Shanghai).
        month.QuerySelector("#period-month")!.GetAttribute("href").ShouldBe($"{w.StatementUrl}?from=2026-11-01&to=2026-11-30");
        month.QuerySelector("#period-last-month")!.GetAttribute("href").ShouldBe($"{w.StatementUrl}?from=2026-10-01&to=2026-10-31");
    }

    [Fact]
    public async Task A_manager_waives_an_entry_from_the_statement_with_a_reason()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var page = await w.Manager.GetPageAsync(w.StatementUrl);
        var second = page.QuerySelectorAll(".penalty-entry")[1];
        var link = second.QuerySelector(".waive-entry")!.GetAttribute("href")!;
        var entryId = long.Parse(second.GetAttribute("data-id")!);

        var form = await w.Manager.GetPageAsync(link);
        form.Text("#waiver .card-header").ShouldContain("#2");
        var response = await w.Manager.PostFormAsync(
            form.QuerySelector("#waiver-form")!.GetAttribute("action")!,
            new() { ["Input.EntryId"] = entryId.ToString(), ["Input.Reason"] = "客户拒绝进场，经双方确认免除" },
            link
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith(w.StatementUrl);
        var after = await w.Manager.GetPageAsync(w.StatementUrl);
        var entries = after.QuerySelectorAll(".penalty-entry").ToList();
        entries.Count.ShouldBe(5);
        entries[1].In(".entry-status").ShouldBe("已冲销（第 5 条）");
        entries[1].QuerySelector(".waive-entry").ShouldBeNull();
        entries[4].GetAttribute("data-kind").ShouldBe("Waiver");
        entries[4].In(".entry-title").ShouldBe("核销（冲销第 2 条）");
        entries[4].In(".entry-amount").ShouldBe("-¥1,000.00");
        entries[4].In(".entry-description").ShouldBe("客户拒绝进场，经双方确认免除");
        after.Text("#total-cancelled").ShouldBe("-¥1,000.00");
        after.Text("#total-net").ShouldBe("¥4,345.67");
        after.Text("#net-capitals").ShouldBe("肆仟叁佰肆拾伍元陆角柒分");
        after.QuerySelector("#chain-status")!.GetAttribute("data-intact").ShouldBe("true");
        var waiver = await app.DbAsync(db => db.PenaltyEntries.SingleAsync(e => e.OriginalEntryId == entryId));
        (waiver.Kind, waiver.AmountFen, waiver.Sequence).ShouldBe((PenaltyKind.Waiver, -StatementWorld.EntryFen, 5L));
    }

    [Fact]
    public async Task A_waiver_without_a_reason_or_by_anyone_but_a_manager_is_refused_and_nothing_is_written()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, w.CustomerId);
        var admin = await app.SignInAsync(Roles.Admin);
        var ids = await app.DbAsync(db =>
            db.PenaltyEntries.Where(e => e.ContractId == w.ContractId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync()
        );
        var otherContractEntry = await app.DbAsync(db =>
            db.PenaltyEntries.Where(e => e.ContractId != w.ContractId).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()
        );
        var before = await app.SnapshotAsync();
        var url = $"{w.StatementUrl}?handler=Waive";
        var formPage = $"{w.StatementUrl}?waive={ids[0]}";

        var blank = await w.Manager.PostFormAsync(url, new() { ["Input.EntryId"] = ids[0].ToString(), ["Input.Reason"] = "  " }, formPage);
        blank.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await blank.ParseAsync()).Text("#waiver-form").ShouldContain("请填写核销原因");

        foreach (var (client, who) in new[] { (w.Agent, "agent"), (admin, "admin"), (customer, "customer") })
        {
            var refused = await client.PostFormAsync(
                url,
                new() { ["Input.EntryId"] = ids[0].ToString(), ["Input.Reason"] = "免除" },
                w.StatementUrl
            );
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await refused.ParseAsync()).Text("#statement-errors").ShouldBe("只有客服主管可以核销违约金", who);
        }

        var elsewhere = await w.Manager.PostFormAsync(
            url,
            new() { ["Input.EntryId"] = otherContractEntry.ToString(), ["Input.Reason"] = "免除" },
            formPage
        );
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await elsewhere.ParseAsync()).Text("#statement-errors").ShouldContain("该违约金记录不属于此合同");

        var missing = await w.Manager.PostFormAsync(url, new() { ["Input.EntryId"] = "999999", ["Input.Reason"] = "免除" }, formPage);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.SnapshotAsync()).ShouldBe(before);

        (
            await w.Manager.PostFormAsync(url, new() { ["Input.EntryId"] = ids[0].ToString(), ["Input.Reason"] = "重复登记" }, formPage)
        ).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await app.SnapshotAsync();
        var twice = await w.Manager.PostFormAsync(
            url,
            new() { ["Input.EntryId"] = ids[0].ToString(), ["Input.Reason"] = "再次" },
            w.StatementUrl
        );
        twice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await twice.ParseAsync()).Text("#statement-errors").ShouldContain("该记录已核销或更正，不能重复核销");
        (await app.SnapshotAsync()).ShouldBe(after);
    }

    [Theory]
    [InlineData("?from=2026-11-30&to=2026-11-01", "结束日期不能早于开始日期")]
    [InlineData("?from=1999-12-31", "日期应在 2000-01-01 至 2099-12-31 之间")]
    [InlineData("?from=2026-13-01", "“2026-13-01”不是有效的开始日期")]
    public async Task A_period_that_cannot_be_read_is_refused_with_a_clear_message(string query, string message)
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);

        var response = await w.Manager.GetAsync(w.StatementUrl + query);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Text("#statement-errors").ShouldContain(message);
        page.QuerySelector("#entries").ShouldBeNull();
        foreach (var file in new[] { "xlsx", "pdf" })
        {
            var download = await w.Manager.GetAsync($"{w.StatementUrl}/statement.{file}{query}");
            download.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await download.Content.ReadAsStringAsync()).ShouldContain(message);
        }
    }

    [Fact]
    public async Task The_contract_page_and_the_archive_card_show_the_running_total_and_the_latest_entries()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, w.CustomerId);

        foreach (var (client, url) in new[] { (w.Manager, $"/Contracts/{w.ContractId}"), (customer, $"/Customers/{w.CustomerId}") })
        {
            var page = await client.GetPageAsync(url);
            var total = page.QuerySelectorAll(".penalty-running-total").ShouldHaveSingleItem();
            total.GetAttribute("data-contract").ShouldBe(w.ContractId.ToString());
            total.In(".penalty-net").ShouldBe(Display.Money(StatementWorld.NetFen));
            total.In(".penalty-count").ShouldBe("4");
            page.QuerySelectorAll(".penalty-latest-entry").Count.ShouldBe(4);
            page.QuerySelectorAll(".statement-link, #statement-link").ShouldAllBe(a => a.GetAttribute("href") == w.StatementUrl);
        }
    }

    static List<string> Evidence(IElement entry) =>
        [
            .. entry
                .QuerySelectorAll(".evidence-item")
                .Select(i => System.Text.RegularExpressions.Regex.Replace(i.TextContent.Trim(), @"\s+", " ")),
        ];
}

internal static class ElementText
{
    /// <summary>The trimmed text of the first element under <paramref name="e"/> matching the selector ("" if none).</summary>
    public static string In(this IElement e, string selector) => e.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
