using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using static AfterSales.Tests.Features.WorkOrders.Clocks.Times;

namespace AfterSales.Tests.Features.Penalties.Rules;

/// <summary>Each contract's entries form a hash chain: any change, removal or reordering shows at the entry where it happened.</summary>
public sealed class LedgerChainTests
{
    static LedgerFields Fields(long sequence, string previous, long amount = 100_000, string? description = null) =>
        new(
            7,
            3,
            sequence,
            PenaltyKind.LateRestoration,
            42,
            (int)sequence,
            null,
            amount,
            amount,
            10_000_000,
            100,
            false,
            amount * sequence,
            Utc("2026-11-27 02:00").AddDays(sequence - 1),
            Utc("2026-11-27 02:00").AddDays(sequence - 1).AddSeconds(30),
            null,
            "system",
            description,
            9,
            Utc("2026-11-27 02:00"),
            11,
            null,
            "5,6",
            [],
            previous
        );

    static List<ChainLink> Chain(int length)
    {
        var (links, previous) = (new List<ChainLink>(), LedgerHash.Genesis);
        for (var i = 1; i <= length; i++)
        {
            var f = Fields(i, previous);
            var hash = LedgerHash.Compute(f);
            links.Add(new ChainLink(100 + i, f, hash));
            previous = hash;
        }
        return links;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        LedgerChain.Verify(Chain(5)).ShouldBe(ChainCheck.Ok(5));
        LedgerChain.Verify([]).ShouldBe(ChainCheck.Ok(0));
    }

    [Fact]
    public void A_changed_amount_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Fields = chain[2].Fields with { AmountFen = 1 } };

        LedgerChain.Verify(chain).ShouldBe(new ChainCheck(false, 3, 3, 103, ChainProblem.Content));
    }

    [Fact]
    public void A_changed_entry_whose_hash_was_recomputed_breaks_the_link_of_the_next()
    {
        var chain = Chain(5);
        var forged = chain[2].Fields with { AmountFen = 1 };
        chain[2] = chain[2] with { Fields = forged, Hash = LedgerHash.Compute(forged) };

        LedgerChain.Verify(chain).ShouldBe(new ChainCheck(false, 4, 4, 104, ChainProblem.Link));
    }

    [Fact]
    public void A_removed_entry_leaves_a_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var check = LedgerChain.Verify(chain);

        check.Intact.ShouldBeFalse();
        check.BrokenAtSequence.ShouldBe(2);
        check.Problem.ShouldBe(ChainProblem.Gap);
    }

    [Fact]
    public void Continuing_after_a_verified_part_gives_what_the_whole_chain_gives()
    {
        var chain = Chain(5);

        LedgerChain.Continue(chain.Skip(3), 3, chain[2].Hash).ShouldBe(new ChainVerification(ChainCheck.Ok(5), 5, chain[4].Hash));
        LedgerChain.Continue([], 5, chain[4].Hash).ShouldBe(new ChainVerification(ChainCheck.Ok(5), 5, chain[4].Hash));
        LedgerChain.Continue(chain, 0, LedgerHash.Genesis).Check.ShouldBe(LedgerChain.Verify(chain));
    }

    [Fact]
    public void A_break_after_the_verified_part_is_found_where_the_whole_chain_finds_it_and_the_intact_part_ends_before_it()
    {
        var chain = Chain(6);
        chain[4] = chain[4] with { Fields = chain[4].Fields with { AmountFen = 1 } };

        var result = LedgerChain.Continue(chain.Skip(2), 2, chain[1].Hash);

        result.Check.ShouldBe(LedgerChain.Verify(chain));
        result.Check.ShouldBe(new ChainCheck(false, 5, 5, 105, ChainProblem.Content));
        (result.IntactSequence, result.IntactHash).ShouldBe((4L, chain[3].Hash));
    }

    [Fact]
    public void Entries_that_do_not_follow_the_verified_head_do_not_chain()
    {
        var chain = Chain(5);

        LedgerChain.Continue(chain.Skip(3), 3, chain[1].Hash).Check.ShouldBe(new ChainCheck(false, 4, 4, 104, ChainProblem.Link));
        LedgerChain.Continue(chain.Skip(4), 3, chain[2].Hash).Check.ShouldBe(new ChainCheck(false, 4, 4, null, ChainProblem.Gap));
    }

    [Fact]
    public void The_hash_covers_every_field_and_the_text_cannot_imitate_a_separator()
    {
        var f = Fields(1, LedgerHash.Genesis, description: "客户拒绝进场");
        var hash = LedgerHash.Compute(f);

        LedgerHash.Compute(f with { Description = "客户拒绝进场 " }).ShouldNotBe(hash);
        LedgerHash.Compute(f with { Description = null }).ShouldNotBe(LedgerHash.Compute(f with { Description = "" }));
        LedgerHash.Compute(f with { RecordedByName = "a|description=b" }).ShouldNotBe(LedgerHash.Compute(f with { RecordedByName = "a" }));
        LedgerHash.Compute(f with { Capped = true }).ShouldNotBe(hash);
        LedgerHash.Compute(f with { PauseIds = "5" }).ShouldNotBe(hash);
        LedgerHash.Compute(f with { Documents = [new(1, "a.jpg", new string('a', 64))] }).ShouldNotBe(hash);
        LedgerHash.Compute(f with { OccurredAtUtc = f.OccurredAtUtc.AddSeconds(1) }).ShouldNotBe(hash);
        hash.Length.ShouldBe(64);
    }

    [Fact]
    public void Instants_hash_to_the_microsecond_as_postgresql_keeps_them()
    {
        var f = Fields(1, LedgerHash.Genesis);
        var finer = f with { RecordedAtUtc = f.RecordedAtUtc.AddTicks(7) };

        LedgerHash.Compute(finer).ShouldBe(LedgerHash.Compute(f));
        LedgerHash.Compute(f with { RecordedAtUtc = f.RecordedAtUtc.AddTicks(10) }).ShouldNotBe(LedgerHash.Compute(f));
    }

    [Fact]
    public void The_order_of_evidence_documents_does_not_matter()
    {
        EvidenceDocument a = new(1, "a.jpg", new string('a', 64)),
            b = new(2, "b.pdf", new string('b', 64));
        var f = Fields(1, LedgerHash.Genesis);

        LedgerHash.Compute(f with { Documents = [a, b] }).ShouldBe(LedgerHash.Compute(f with { Documents = [b, a] }));
    }

    [Fact]
    public void The_canonical_text_and_hash_of_an_entry_never_change_so_chains_written_before_stay_intact()
    {
        var f = Fields(3, new string('a', 64), amount: -1_234_567, description: "客户拒绝进场") with
        {
            OriginalEntryId = 12,
            RecordedById = "u-1",
            EndEventId = 13,
            AccidentId = 14,
            Documents = [new(2, "损失.pdf", new string('b', 64)), new(1, "a.jpg", new string('c', 64))],
        };
        var empty = Fields(1, LedgerHash.Genesis) with { Period = null, RateBp = null, WorkOrderId = null, PauseIds = null, DueUtc = null };

        LedgerHash.Canonical(f).ShouldBe(GoldenText);
        LedgerHash.Compute(f).ShouldBe(GoldenHash);
        LedgerHash.Compute(empty).ShouldBe(GoldenEmptyHash);
    }

    const string GoldenText =
        "v1|contract=7|customer=3|seq=3|kind=LateRestoration|wo=42|period=3|original=12|amount=-1234567|computed=-1234567|base=10000000"
        + "|rate=100|capped=0|accrued=-3703701|occurred=2026-11-29T02:00:00.000000Z|recorded=2026-11-29T02:00:30.000000Z|by=3:u-1"
        + "|byName=6:system|description=6:客户拒绝进场|clock=9|due=2026-11-27T02:00:00.000000Z|start=11|end=13|pauses=3:5,6|accident=14"
        + "|doc=1|sha=64:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc|file=5:a.jpg"
        + "|doc=2|sha=64:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb|file=6:损失.pdf"
        + "|prev=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const string GoldenHash = "b988c41cdc76525ea1d8ebb023ab2fafd7e3fad300ca54ccb201a7d7e36b0b4d";
    const string GoldenEmptyHash = "8bfcfaeaf65a515f2bfb4ab8a4e4c6328ed6181b9fbd02bad2145b317279994c";
}
