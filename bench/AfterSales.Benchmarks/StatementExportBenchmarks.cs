using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.Penalties.Statements;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// The statement of a contract with N entries written as an Excel workbook (ClosedXML) from the
/// loaded statement: the entries sheet with totals and 大写金额, and the evidence sheet, three rows
/// per clock-based entry. The statement is built in memory, shaped like a real ledger (mostly late
/// days on restore clocks with a pause, missed responses, losses with a document, waivers), so the
/// figure is the export alone; the query is measured through the page (bench/statement.lua).
/// </summary>
[MemoryDiagnoser]
public class StatementExportBenchmarks
{
    StatementReport report = null!;

    [Params(10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => report = SyntheticStatement.Of(Entries);

    [Benchmark]
    public byte[] Excel() => StatementWorkbook.Render(report);
}

/// <summary>A statement of a ¥386,500.00 contract with N entries and their evidence, without a database.</summary>
public static class SyntheticStatement
{
    public static StatementReport Of(int count)
    {
        var start = new DateTime(2025, 11, 1, 2, 0, 0, DateTimeKind.Utc);
        var header = new ContractHeader(
            1,
            "HT-2025-0012",
            "校园标识标牌及荣誉墙制作安装",
            1,
            "杭州市第一中学",
            "Asia/Shanghai",
            38_650_000,
            100,
            100,
            100,
            null,
            null
        );
        var events = new Dictionary<long, EvidenceEvent>();
        var pauses = new Dictionary<long, EvidencePause>();
        var lines = new List<PenaltyLine>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddMinutes(5 * i);
            var wo = i / 10 + 1;
            var kind = (i % 20) switch
            {
                17 => PenaltyKind.Loss,
                18 => PenaltyKind.Waiver,
                0 => PenaltyKind.MissedResponse,
                _ => PenaltyKind.LateRestoration,
            };
            var clockBased = kind is PenaltyKind.MissedResponse or PenaltyKind.LateRestoration;
            events.TryAdd(wo * 2, new EvidenceEvent(wo * 2, WorkOrderEventType.Received, at, at, "张三", null));
            events.TryAdd(
                wo * 2 + 1,
                new EvidenceEvent(wo * 2 + 1, WorkOrderEventType.Restored, at.AddDays(3), at.AddDays(3), "李工", "更换灯管后恢复")
            );
            pauses.TryAdd(wo, new EvidencePause(wo, at.AddHours(1), at.AddHours(2), "等待客户开放机房"));
            var amount = kind switch
            {
                PenaltyKind.Loss => 123_456,
                PenaltyKind.Waiver => -386_500,
                _ => 386_500,
            };
            lines.Add(
                new PenaltyLine(
                    i + 1,
                    1,
                    i + 1,
                    kind,
                    kind == PenaltyKind.LateRestoration ? i % 10 + 1 : null,
                    wo,
                    $"GD-20251101-{wo:D4}",
                    amount,
                    amount,
                    38_650_000,
                    clockBased ? 100 : null,
                    false,
                    at,
                    at.AddMinutes(1),
                    kind == PenaltyKind.Waiver ? "客服主管" : "system",
                    kind switch
                    {
                        PenaltyKind.Loss => "标识牌坠落砸坏展板，按采购价评估",
                        PenaltyKind.Waiver => "客户拒绝进场，经双方确认免除",
                        _ => null,
                    },
                    kind == PenaltyKind.Waiver ? i : null,
                    null,
                    new PenaltyEvidenceView(
                        clockBased ? wo : null,
                        clockBased ? (kind == PenaltyKind.MissedResponse ? ClockKind.Response : ClockKind.Restore) : null,
                        clockBased ? at : null,
                        clockBased ? wo * 2 : null,
                        clockBased ? wo * 2 + 1 : null,
                        kind == PenaltyKind.LateRestoration ? [wo] : [],
                        kind == PenaltyKind.Loss ? [new EvidenceDocument(i, "损坏现场.jpg", new string('a', 64))] : []
                    ),
                    new string('b', 64)
                )
            );
        }
        var statement = new PenaltyStatement(header, null, null, lines, PenaltyTotals.Of(lines));
        return new StatementReport(
            statement,
            StatementPeriod.WholeHistory,
            ChainCheck.Ok(count),
            start.AddYears(1),
            events,
            pauses,
            lines.ToDictionary(l => l.Id, l => l.Sequence),
            new Dictionary<long, long>(),
            StatementPage.All(lines),
            Enum.GetValues<PenaltyKind>().ToDictionary(k => k, k => lines.Count(l => l.Kind == k)),
            new PenaltyHead(lines[^1].Sequence, lines[^1].Hash)
        );
    }
}
