using System.Net;
using AfterSales.Features.Demo;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Formatting;
using AfterSales.Tests.Platform;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

public sealed class StatementFilesTests
{
    [Fact]
    public async Task The_page_the_workbook_and_the_pdf_show_the_same_entries_and_totals()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var second = await app.DbAsync(db => db.PenaltyEntries.SingleAsync(e => e.ContractId == w.ContractId && e.Sequence == 2));
        (
            await w.Manager.PostJsonAsync($"/api/v1/penalties/{second.Id}/waivers", new { reason = "客户拒绝进场" })
        ).EnsureSuccessStatusCode();

        var page = await w.Manager.GetPageAsync(w.StatementUrl);
        var screen = OnScreen(page);
        var net = long.Parse(page.QuerySelector("#total-net")!.GetAttribute("data-fen")!);
        net.ShouldBe(StatementWorld.NetFen - StatementWorld.EntryFen);
        screen.Count.ShouldBe(5);

        var xlsx = await w.Manager.GetAsync($"{w.StatementUrl}/statement.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var book = WorkbookStatement.Read(await xlsx.Content.ReadAsByteArrayAsync());
        book.Entries.ShouldBe(screen);
        book.NetFen.ShouldBe(net);
        book.NetInCapitals.ShouldBe(page.Text("#net-capitals"));
        book.NetInCapitals.ShouldBe("肆仟叁佰肆拾伍元陆角柒分");
        book.AmountFormat.ShouldBe("¥#,##0.00");
        book.Chain.ShouldStartWith("台账哈希链完整");
        book.Evidence.ShouldContain("3|暂停|2026-11-25 12:00 至 2026-11-25 13:00：等待客户开放机房");
        book.Evidence.ShouldContain(e => e.StartsWith("4|文档|损坏现场.png", StringComparison.Ordinal));
        book.Evidence.ShouldContain(e => e.StartsWith("1|开始事件|受理", StringComparison.Ordinal));

        var pdfResponse = await w.Manager.GetAsync($"{w.StatementUrl}/statement.pdf");
        pdfResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = PdfStatement.Read(await pdfResponse.Content.ReadAsByteArrayAsync());
        foreach (var e in screen)
            pdf.HasEntryLine(e.Sequence, Display.Money(e.AmountFen))
                .ShouldBeTrue($"entry {e.Sequence} {Display.Money(e.AmountFen)} in\n{pdf.Text}");
        pdf.Compact.ShouldContain("应付净额5" + Display.Money(net));
        pdf.Compact.ShouldContain("大写金额" + book.NetInCapitals);
        pdf.Compact.ShouldContain("台账哈希链完整");
        pdf.Compact.ShouldContain("等待客户开放机房");
        pdf.Compact.ShouldContain(page.Text("#statement-head").Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_statement_of_many_entries_pages_on_screen_and_runs_over_many_pdf_pages_keeping_every_entry()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        await BulkPenalties.GenerateAsync(app.Services, w.ContractId, 296, 1, CancellationToken.None);

        var first = await w.Manager.GetPageAsync(w.StatementUrl);
        first.Text("#entries-page").ShouldBe("第 1 / 2 页，每页 200 条");
        first.Text("#entries-total").ShouldBe("300");
        first.QuerySelector("#chain-status")!.GetAttribute("data-intact").ShouldBe("true");
        var screen = await AllOnScreenAsync(w.Manager, w.StatementUrl);
        screen.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 300).Select(i => (long)i));
        // The totals cover the whole period on every page.
        var second = await w.Manager.GetPageAsync(w.StatementUrl + "?p=2");
        second.Text("#total-net").ShouldBe(first.Text("#total-net"));
        long.Parse(first.QuerySelector("#total-net")!.GetAttribute("data-fen")!).ShouldBe(screen.Sum(e => e.AmountFen));

        var pdf = PdfStatement.Read(await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.pdf")).Content.ReadAsByteArrayAsync());
        pdf.Pages.ShouldBeGreaterThan(5);
        screen.Where(e => !pdf.HasEntryLine(e.Sequence, Display.Money(e.AmountFen))).ShouldBeEmpty();
        var book = WorkbookStatement.Read(
            await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.xlsx")).Content.ReadAsByteArrayAsync()
        );
        book.Entries.ShouldBe(screen);
        book.NetFen.ShouldBe(screen.Sum(e => e.AmountFen));
    }

    [Fact]
    public async Task An_entry_changed_in_the_database_breaks_the_chain_and_the_page_the_workbook_and_the_pdf_say_so()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var second = await app.DbAsync(db => db.PenaltyEntries.SingleAsync(e => e.ContractId == w.ContractId && e.Sequence == 2));

        // Someone with database access lowers an amount behind the application's back.
        var changed = await app.DbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"PenaltyEntries\" SET \"AmountFen\" = 1 WHERE \"Id\" = {0}", second.Id)
        );
        changed.ShouldBe(1);

        var page = await w.Manager.GetPageAsync(w.StatementUrl);
        var chain = page.QuerySelector("#chain-status")!;
        chain.GetAttribute("data-intact").ShouldBe("false");
        chain.GetAttribute("data-broken-at").ShouldBe("2");
        chain.ClassList.ShouldContain("alert-danger");
        chain.TextContent.ShouldContain("台账哈希链校验失败：第 2 条记录记录内容与其哈希不符（被修改）");

        var book = WorkbookStatement.Read(
            await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.xlsx")).Content.ReadAsByteArrayAsync()
        );
        book.Chain.ShouldStartWith("台账哈希链校验失败：第 2 条记录");
        var pdf = PdfStatement.Read(await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.pdf")).Content.ReadAsByteArrayAsync());
        pdf.Compact.ShouldContain("台账哈希链校验失败：第2条记录记录内容与其哈希不符（被修改）");

        // The customer's statement says the same.
        var customer = await app.SignInAsync(Roles.Customer, w.CustomerId);
        (await customer.GetPageAsync(w.StatementUrl)).QuerySelector("#chain-status")!.GetAttribute("data-broken-at").ShouldBe("2");
    }

    [Fact]
    public async Task A_customer_sees_its_own_statements_only_and_another_customers_is_not_found()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        var customer = await app.SignInAsync(Roles.Customer, w.CustomerId);
        var otherContract = await app.DbAsync(db => db.Contracts.Where(c => c.CustomerId != w.CustomerId).Select(c => c.Id).SingleAsync());

        var own = await customer.GetPageAsync(w.StatementUrl);
        var staff = await w.Manager.GetPageAsync(w.StatementUrl);
        OnScreen(own).ShouldBe(OnScreen(staff));
        own.Text("#total-net").ShouldBe(staff.Text("#total-net"));
        own.Text("#net-capitals").ShouldBe(staff.Text("#net-capitals"));
        own.QuerySelectorAll(".waive-entry").ShouldBeEmpty();
        staff.QuerySelectorAll(".waive-entry").Length.ShouldBe(4);
        (await customer.GetAsync($"{w.StatementUrl}/statement.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var suffix in new[] { "", "?from=2026-11-01", "/statement.xlsx", "/statement.pdf" })
        {
            var other = await customer.GetAsync($"/Contracts/{otherContract}/Penalties{suffix}");
            var none = await customer.GetAsync($"/Contracts/999999/Penalties{suffix}");
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound, suffix);
            none.StatusCode.ShouldBe(HttpStatusCode.NotFound, suffix);
            (await other.ComparableBodyAsync()).ShouldBe(await none.ComparableBodyAsync());
        }
        (await w.Manager.GetAsync($"/Contracts/{otherContract}/Penalties")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync($"/api/v1/contracts/{otherContract}/penalties")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync($"{w.StatementUrl}/statement.pdf")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>Every entry of the statement on screen, following its pages.</summary>
    static async Task<List<FileEntry>> AllOnScreenAsync(HttpClient client, string url)
    {
        var all = new List<FileEntry>();
        for (string? next = url; next is not null; )
        {
            var page = await client.GetPageAsync(next);
            all.AddRange(OnScreen(page));
            next = page.QuerySelector("#next-page")?.GetAttribute("href");
        }
        return all;
    }

    static List<FileEntry> OnScreen(IDocument page) =>
        [
            .. page.QuerySelectorAll(".penalty-entry")
                .Select(e => new FileEntry(long.Parse(e.GetAttribute("data-seq")!), long.Parse(e.GetAttribute("data-amount-fen")!))),
        ];
}
