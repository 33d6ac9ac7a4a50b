using AfterSales.Features.Demo;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Formatting;
using AfterSales.Tests.Platform;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// The page loads one page of entries and sums the period in the database; the files load every
/// entry. Each page must still show what the full statement says: its slice of the entries, the
/// same totals, counts by kind, 大写金额, last entry and waiver marks.
/// </summary>
public sealed class StatementPagingTests
{
    [Fact]
    public async Task Every_page_of_a_long_statement_shows_its_slice_of_the_full_statement_and_the_full_totals()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        await BulkPenalties.GenerateAsync(app.Services, w.ContractId, 446, 1, CancellationToken.None);
        // Waivers of entries on the first and the last page, written on the last page.
        foreach (var sequence in new[] { 10L, 430L })
        {
            var entry = await app.DbAsync(db =>
                db.PenaltyEntries.Where(e =>
                        e.ContractId == w.ContractId
                        && e.Sequence >= sequence
                        && e.OriginalEntryId == null
                        && e.AmountFen != 0
                        && !db.PenaltyEntries.Any(c => c.OriginalEntryId == e.Id)
                    )
                    .OrderBy(e => e.Sequence)
                    .FirstAsync()
            );
            (
                await w.Manager.PostJsonAsync($"/api/v1/penalties/{entry.Id}/waivers", new { reason = "客户拒绝进场" })
            ).EnsureSuccessStatusCode();
        }
        var book = WorkbookStatement.Read(
            await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.xlsx")).Content.ReadAsByteArrayAsync()
        );
        var pdf = PdfStatement.Read(await (await w.Manager.GetAsync($"{w.StatementUrl}/statement.pdf")).Content.ReadAsByteArrayAsync());
        book.Entries.Count.ShouldBe(452);
        var entries = await app.DbAsync(db =>
            db.PenaltyEntries.Where(e => e.ContractId == w.ContractId)
                .Select(e => new
                {
                    e.Id,
                    e.Sequence,
                    e.Kind,
                    e.Capped,
                    e.OriginalEntryId,
                })
                .ToListAsync()
        );
        var sequenceOf = entries.ToDictionary(e => e.Id, e => e.Sequence);
        var cancelledBy = entries.Where(e => e.OriginalEntryId is not null).ToDictionary(e => e.OriginalEntryId!.Value, e => e.Sequence);
        cancelledBy.Count.ShouldBeGreaterThanOrEqualTo(2);

        string? firstSummary = null;
        foreach (var (query, number) in new[] { ("", 1), ("?p=2", 2), ("?p=3", 3), ("?p=99", 3) })
        {
            var page = await w.Manager.GetPageAsync(w.StatementUrl + query);
            page.Text("#entries-page").ShouldBe($"第 {number} / 3 页，每页 200 条");
            page.Text("#entries-total").ShouldBe("452");
            OnScreen(page).ShouldBe(book.Entries.Skip((number - 1) * 200).Take(200).ToList(), query);

            long.Parse(page.QuerySelector("#total-net")!.GetAttribute("data-fen")!).ShouldBe(book.NetFen);
            page.Text("#net-capitals").ShouldBe(book.NetInCapitals);
            page.Text("#entry-count").ShouldBe("452");
            pdf.Compact.ShouldContain("应付净额452" + Display.Money(book.NetFen));
            pdf.Compact.ShouldContain(page.Text("#statement-head").Replace(" ", "", StringComparison.Ordinal));
            var kinds = page.QuerySelectorAll(".kind-total").ToList();
            kinds.Sum(k => int.Parse(k.QuerySelector(".kind-count")!.TextContent)).ShouldBe(452);
            foreach (var k in kinds)
            {
                var kind = Enum.Parse<PenaltyKind>(k.GetAttribute("data-kind")!);
                k.QuerySelector(".kind-count")!.TextContent.ShouldBe(entries.Count(e => e.Kind == kind).ToString());
                pdf.Compact.ShouldContain(
                    k.QuerySelector("td")!.TextContent.Trim()
                        + k.QuerySelector(".kind-count")!.TextContent
                        + k.QuerySelector(".kind-amount")!.TextContent.Trim()
                );
            }
            var summary = page.QuerySelector("#summary")!.OuterHtml;
            (firstSummary ??= summary).ShouldBe(summary);

            // Waiver marks and the entries a counter-entry names, whatever page the other one is on.
            foreach (var e in page.QuerySelectorAll(".penalty-entry"))
            {
                var id = long.Parse(e.GetAttribute("data-id")!);
                var status = e.QuerySelector(".entry-status")?.TextContent ?? "";
                if (cancelledBy.TryGetValue(id, out var counter))
                    status.ShouldContain($"已冲销（第 {counter} 条）");
                else
                    status.ShouldNotContain("已冲销");
                if (entries.Single(x => x.Id == id).OriginalEntryId is { } original)
                    e.QuerySelector(".entry-title")!.TextContent.ShouldContain($"冲销第 {sequenceOf[original]} 条");
            }
        }
    }

    [Fact]
    public async Task The_waiver_form_opens_for_an_entry_of_the_period_on_another_page()
    {
        await using var app = new AppFactory();
        var w = await StatementWorld.ArrangeAsync(app);
        await BulkPenalties.GenerateAsync(app.Services, w.ContractId, 296, 1, CancellationToken.None);
        var late = await app.DbAsync(db =>
            db.PenaltyEntries.Where(e =>
                    e.ContractId == w.ContractId
                    && e.Sequence > 200
                    && e.OriginalEntryId == null
                    && e.AmountFen != 0
                    && !db.PenaltyEntries.Any(c => c.OriginalEntryId == e.Id)
                )
                .OrderBy(e => e.Sequence)
                .FirstAsync()
        );

        var page = await w.Manager.GetPageAsync($"{w.StatementUrl}?waive={late.Id}");
        page.Text("#entries-page").ShouldBe("第 1 / 2 页，每页 200 条");
        page.Text("#waiver .card-header").ShouldContain($"#{late.Sequence}");
        page.QuerySelector("#waiver-form input[name='Input.EntryId']")!.GetAttribute("value").ShouldBe(late.Id.ToString());
    }

    static List<FileEntry> OnScreen(IDocument page) =>
        [
            .. page.QuerySelectorAll(".penalty-entry")
                .Select(e => new FileEntry(long.Parse(e.GetAttribute("data-seq")!), long.Parse(e.GetAttribute("data-amount-fen")!))),
        ];
}
