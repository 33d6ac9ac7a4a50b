using AfterSales.Features.Complaints;
using AfterSales.Features.Complaints.Precedents;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Similar closed complaints: same category first, then similarity of the Chinese text.</summary>
public sealed class PrecedentIndexTests
{
    static PrecedentIndex Index()
    {
        var index = new PrecedentIndex();
        index.AddRange([
            new(1, ComplaintCategory.StaffAttitude, "维修人员态度恶劣，对客户大声喊叫，拒绝解释故障原因", RemedyKind.Apology, 0),
            new(2, ComplaintCategory.ResponseTime, "灯箱不亮报修后三天无人上门，超过承诺的到场时间", RemedyKind.Compensation, 50_000),
            new(3, ComplaintCategory.ServiceResult, "门牌更换后字迹模糊，与样品颜色不一致", RemedyKind.ReService, 0),
            new(4, ComplaintCategory.ResponseTime, "热线电话长时间无人接听，响应太慢", RemedyKind.Apology, 0),
            new(5, ComplaintCategory.ServiceResult, "广告牌维修后仍然松动，灯箱也不亮，需要重新维修", RemedyKind.ReService, 0),
            new(6, ComplaintCategory.Dispute, "对维修费用有异议，认为应在质保期内免费", RemedyKind.Compensation, 20_000),
        ]);
        return index;
    }

    [Fact]
    public void The_case_sharing_the_most_words_comes_first_within_the_category()
    {
        var found = Index().Search(ComplaintCategory.ResponseTime, "报修灯箱不亮，技术员两天都没有上门", 5);

        found[0].Id.ShouldBe(2);
        found[0].SameCategory.ShouldBeTrue();
        found[0].Remedy.ShouldBe(RemedyKind.Compensation);
        found[0].AmountFen.ShouldBe(50_000);
    }

    [Fact]
    public void Cases_of_the_same_category_come_before_more_similar_cases_of_another()
    {
        var found = Index().Search(ComplaintCategory.ResponseTime, "广告牌维修后灯箱不亮", 5);

        found.Select(f => f.SameCategory).ShouldBe([.. found.Select(f => f.SameCategory).OrderByDescending(s => s)]);
        found.First(f => !f.SameCategory).Id.ShouldBe(5);
        found.ShouldAllBe(f => f.Score > 0);
    }

    [Fact]
    public void A_text_sharing_no_bigram_finds_nothing_and_the_case_itself_is_left_out()
    {
        var index = Index();

        index.Search(ComplaintCategory.Other, "完全无关的内容", 5).ShouldBeEmpty();
        index.Search(ComplaintCategory.StaffAttitude, "维修人员态度恶劣", 5, excludeId: 1).ShouldNotContain(m => m.Id == 1);
    }

    [Fact]
    public void Adding_a_case_twice_keeps_it_once()
    {
        var index = Index();
        index.AddRange([new(2, ComplaintCategory.ResponseTime, "灯箱不亮", RemedyKind.None, 0)]);

        index.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("灯箱不亮", new[] { "灯箱", "箱不", "不亮" })]
    [InlineData("LED 灯箱", new[] { "led", "灯箱" })]
    [InlineData("灯，箱", new[] { "灯", "箱" })]
    public void Chinese_text_is_compared_by_character_bigrams(string text, string[] terms) =>
        Bigrams.Of(text).Keys.Order(StringComparer.Ordinal).ShouldBe(terms.Order(StringComparer.Ordinal));
}
