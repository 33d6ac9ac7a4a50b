using System.Text;
using AfterSales.Features.WorkOrders.Board.Search;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class SearchGramsTests
{
    [Fact]
    public void A_text_has_every_trigram_and_its_last_bigram_once()
    {
        SearchGrams.Of("灯箱灯箱").ShouldBe(["灯箱灯", "箱灯箱", "灯箱"], ignoreOrder: true);
        SearchGrams.Of("门牌松动").ShouldBe(["门牌松", "牌松动", "松动"], ignoreOrder: true);
        SearchGrams.Of("灯箱").ShouldBe(["灯箱"]);
        SearchGrams.Of("坏").ShouldBeEmpty();
        SearchGrams.Of("").ShouldBeEmpty();
    }

    [Fact]
    public void A_two_character_term_is_its_bigram_a_longer_one_its_trigrams_and_one_character_none()
    {
        SearchGrams.OfTerm("灯箱").ShouldBe(["灯箱"]);
        SearchGrams.OfTerm("人民医院").ShouldBe(["人民医", "民医院"]);
        SearchGrams.OfTerm("0001").ShouldBe(["000", "001"]);
        SearchGrams.OfTerm("箱").ShouldBeEmpty();
    }

    [Fact]
    public void A_character_outside_the_basic_plane_counts_as_one_as_sql_substr_counts_it()
    {
        SearchGrams.OfTerm("𠀋箱").ShouldBe(["𠀋箱"]);
        SearchGrams.Of("a𠀋b").ShouldBe(["a𠀋b", "𠀋b"], ignoreOrder: true);
        SearchGrams.IsPrefix("𠀋箱").ShouldBeTrue();
        SearchGrams.IsPrefix("a𠀋b").ShouldBeFalse();
    }

    [Theory]
    [InlineData("GD-20261125-0001")]
    [InlineData("三楼走廊的灯箱闪烁不停")]
    [InlineData("灯箱灯箱灯")]
    [InlineData("a𠀋b𠀋c")]
    [InlineData("门牌松动，检查（灯箱）")]
    public void Every_term_a_text_contains_finds_it_through_the_grams_of_the_text(string text)
    {
        var grams = SearchGrams.Of(text).ToList();
        var chars = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        // Every substring of two characters or more: its trigrams are grams of the text, its bigram begins one.
        for (var start = 0; start < chars.Count; start++)
        for (var length = 2; start + length <= chars.Count; length++)
        {
            var term = string.Concat(chars.Skip(start).Take(length));
            foreach (var gram in SearchGrams.OfTerm(term))
            {
                if (SearchGrams.IsPrefix(gram))
                    grams.ShouldContain(g => InRange(g, gram), term);
                else
                    grams.ShouldContain(gram, term);
            }
        }
    }

    [Fact]
    public void A_two_character_range_holds_only_grams_that_begin_with_it()
    {
        // Fullwidth punctuation (U+FF0C) sorts above the surrogates in UTF-16, below U+10FFFF in code points.
        string[] grams = ["灯箱", "灯箱灯", "灯箱𠀋", "灯箱，", "灯笼", "灯管亮", "灯", "灯箲"];
        grams.Where(g => InRange(g, "灯箱")).ShouldBe(["灯箱", "灯箱灯", "灯箱𠀋", "灯箱，"]);
    }

    /// <summary>
    /// The databases' order: code points (UTF-8 bytes under SQLite's binary collation and PostgreSQL's
    /// C collation), not .NET's ordinal order of UTF-16 units.
    /// </summary>
    static bool InRange(string gram, string prefix) => CodePoints(gram, prefix) >= 0 && CodePoints(gram, prefix + SearchGrams.Highest) <= 0;

    static int CodePoints(string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
