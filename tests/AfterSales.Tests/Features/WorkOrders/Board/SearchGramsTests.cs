using AfterSales.Features.WorkOrders.Board.Search;

namespace AfterSales.Tests.Features.WorkOrders.Board;

public sealed class SearchGramsTests
{
    [Fact]
    public void A_text_has_every_bigram_and_trigram_once()
    {
        SearchGrams.Of("灯箱灯箱").ShouldBe(["灯箱", "箱灯", "灯箱灯", "箱灯箱"], ignoreOrder: true);
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
        SearchGrams.Of("a𠀋b").ShouldBe(["a𠀋", "𠀋b", "a𠀋b"], ignoreOrder: true);
    }

    [Fact]
    public void Every_gram_of_a_term_is_a_gram_of_a_text_that_contains_it()
    {
        var text = "GD-20261125-0001 三楼走廊的灯箱闪烁不停";
        var grams = SearchGrams.Of(text).ToHashSet();
        foreach (var term in new[] { "灯箱", "灯箱闪烁", "0001", "GD-2026", "走廊的灯箱闪烁不停" })
            SearchGrams.OfTerm(term).ShouldAllBe(g => grams.Contains(g));
    }
}
