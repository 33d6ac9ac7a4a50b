using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Formatting;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>One piece of an entry's evidence as a statement prints it: what it is, what it says, and when and by whom it was recorded.</summary>
public sealed record EvidenceItem(
    string Kind,
    string Text,
    DateTime? OccurredAtUtc = null,
    DateTime? RecordedAtUtc = null,
    string? By = null
);

/// <summary>
/// The words of a statement, shared by the page, the Excel workbook and the PDF so that the three
/// say the same thing: entry titles, status marks, how an amount was computed, and the evidence.
/// Entries are named by their place in the chain (第 N 条), the number the chain check speaks of.
/// </summary>
public static class StatementText
{
    public static string Title(PenaltyLine l, StatementReport r) =>
        l switch
        {
            { Kind: PenaltyKind.LateRestoration, Period: { } p } => T("逾期恢复第{0}天", p),
            { Kind: PenaltyKind.Waiver or PenaltyKind.Correction, OriginalEntryId: { } o } => T(
                "{0}（冲销第 {1} 条）",
                T(PenaltyKinds.Title(l.Kind)),
                Sequence(o, r)
            ),
            _ => T(PenaltyKinds.Title(l.Kind)),
        };

    /// <summary>A kind with its late period, where the entry it may cancel is not at hand (summaries).</summary>
    public static string ShortTitle(PenaltyKind kind, int? period) =>
        kind == PenaltyKind.LateRestoration && period is { } p ? T("逾期恢复第{0}天", p) : T(PenaltyKinds.Title(kind));

    /// <summary>Marks that change how an entry is read: cut by the cap, cancelled by a later counter-entry.</summary>
    public static string Status(PenaltyLine l, StatementReport r)
    {
        var marks = new List<string>();
        if (l.Capped)
            marks.Add(T("已达上限"));
        if (l.CounterEntryId is { } c)
            marks.Add(T("已冲销（第 {0} 条）", Sequence(c, r)));
        return string.Join("；", marks);
    }

    /// <summary>How the amount came about: the rate of the contract total (and what the cap cut it from), or an assessment.</summary>
    public static string Basis(PenaltyLine l)
    {
        if (l.RateBp is { } rate)
        {
            var basis = T("合同总额 {0} × {1}", Display.Money(l.BaseFen), TermsDisplay.Percent(rate));
            return l.Capped ? basis + T("，计算金额 {0}", Display.Money(l.ComputedFen)) : basis;
        }
        return l.Kind switch
        {
            PenaltyKind.Loss => T("评估损失"),
            PenaltyKind.Waiver or PenaltyKind.Correction => T("冲销原记录金额"),
            _ => "",
        };
    }

    /// <summary>The clock with its deadline, the events that started and met it, the pauses, and the documents.</summary>
    public static IReadOnlyList<EvidenceItem> Evidence(PenaltyLine l, StatementReport r)
    {
        var items = new List<EvidenceItem>();
        var e = l.Evidence;
        if (e.ClockId is { } clockId)
        {
            var kind = e.ClockKind is { } k ? T(WorkOrderTitles.Of(k)) : "";
            items.Add(new(T("时限"), T("{0}时限（#{1}），到期 {2}", kind, clockId, r.Local(e.DueUtc))));
            items.Add(Event(T("开始事件"), e.StartEventId, r));
            items.Add(
                e.EndEventId is null && r.MetLater.TryGetValue(clockId, out var later)
                    ? Event(T("结束事件"), later, r) with
                    {
                        Kind = T("结束事件（记录本条之后）"),
                    }
                    : Event(T("结束事件"), e.EndEventId, r)
            );
        }
        foreach (var id in e.PauseIds)
        {
            items.Add(
                r.Pauses.TryGetValue(id, out var p)
                    ? new(T("暂停"), T("{0} 至 {1}：{2}", r.Local(p.FromUtc), p.ToUtc is null ? T("未结束") : r.Local(p.ToUtc), p.Reason))
                    : new(T("暂停"), T("#{0}（记录已不存在）", id))
            );
        }
        foreach (var d in e.Documents)
            items.Add(new(T("文档"), $"{d.FileName} · SHA-256 {d.Sha256[..Math.Min(16, d.Sha256.Length)]}"));
        return items;
    }

    static EvidenceItem Event(string kind, long? id, StatementReport r) =>
        id is null ? new(kind, T("尚未发生"))
        : r.Events.TryGetValue(id.Value, out var ev)
            ? new(
                kind,
                ev.Note is { } note ? $"{T(WorkOrderTitles.Of(ev.Type))}：{note}" : T(WorkOrderTitles.Of(ev.Type)),
                ev.OccurredAtUtc,
                ev.RecordedAtUtc,
                ev.ByName
            )
        : new(kind, T("#{0}（记录已不存在）", id));

    /// <summary>The chain check in words: intact with its length, or where and how it is broken.</summary>
    public static string Chain(StatementReport r) =>
        r.Chain.Intact
            ? T("台账哈希链完整：共 {0} 条记录，均与其哈希一致", r.Chain.Entries)
            : T(
                "台账哈希链校验失败：第 {0} 条记录{1}。本结算单所列数据可能已被篡改，不能作为结算依据。",
                r.Chain.BrokenAtSequence ?? 0,
                r.Chain.Problem is { } p ? T(Rules.LedgerChain.Title(p)) : ""
            );

    /// <summary>
    /// The hash of the statement's last entry. Printed and kept by the customer, it catches what
    /// the chain check alone cannot: that last entry rewritten later together with its own hash.
    /// </summary>
    public static string Head(StatementReport r) => r.Last is { } last ? T("第 {0} 条 {1}", last.Sequence, last.Hash) : "—";

    public static string Period(StatementReport r) =>
        r.Period.IsWholeHistory
            ? T("全部（合同全部记录）")
            : T("{0} 至 {1}", r.Period.From is { } f ? Display.Date(f) : T("首条记录"), r.Period.To is { } t ? Display.Date(t) : T("今日"));

    static long Sequence(long entryId, StatementReport r) => r.Sequences.TryGetValue(entryId, out var s) ? s : entryId;
}
