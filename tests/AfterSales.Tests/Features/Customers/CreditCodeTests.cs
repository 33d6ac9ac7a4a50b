using AfterSales.Features.Customers;

namespace AfterSales.Tests.Features.Customers;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the worked example of GB 32100-2015
    [InlineData("91110108551385082Q")] // published codes of large companies
    [InlineData("91440300708461136T")]
    [InlineData("91110000600037341L")]
    [InlineData("91310000132200821H")]
    public void A_published_code_is_valid(string code) => CreditCode.Check(code).ShouldBe(CreditCodeCheck.Valid);

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4A")]
    [InlineData("91110108551385082R")]
    [InlineData("91440300708461136U")]
    [InlineData("91350100M000100Y34")] // two characters swapped, a typical typo
    public void A_wrong_check_character_fails_the_checksum(string code) => CreditCode.Check(code).ShouldBe(CreditCodeCheck.ChecksumFails);

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 91350100M000100Y43 ")]
    [InlineData("91110108551385082q")]
    public void Lower_case_and_surrounding_spaces_are_normalized(string code)
    {
        CreditCode.Check(code).ShouldBe(CreditCodeCheck.Valid);
        CreditCode.Normalize(code).ShouldBe(code.Trim().ToUpperInvariant());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y430")] // 19 characters
    [InlineData("91350100I000100Y43")] // I, O, Z, S and V are not in the alphabet
    [InlineData("91350100O000100Y43")]
    [InlineData("91350100Z000100Y43")]
    [InlineData("91350100S000100Y43")]
    [InlineData("91350100V000100Y43")]
    [InlineData("9135010-M000100Y43")]
    [InlineData("91350100M000100Y4３")] // a full-width digit
    public void An_empty_short_long_or_foreign_character_code_is_malformed(string? code) =>
        CreditCode.Check(code).ShouldBe(CreditCodeCheck.Malformed);

    [Fact]
    public void The_check_character_completes_the_first_17_characters() => CreditCode.CheckCharacter("91350100M000100Y4").ShouldBe('3');

    [Fact]
    public void A_check_value_of_31_is_written_as_0()
    {
        // GB 32100: weights are 3^i mod 31; a weighted sum divisible by 31 gives 31 − 0 = 31, written 0.
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        static int Sum(string p) => p.Select((ch, i) => alphabet.IndexOf(ch) * (int)System.Numerics.BigInteger.ModPow(3, i, 31)).Sum();
        var prefix = Enumerable.Range(0, 1000).Select(i => $"9111000060{i:D7}").First(p => Sum(p) % 31 == 0);

        CreditCode.CheckCharacter(prefix).ShouldBe('0');
        CreditCode.Check(prefix + "0").ShouldBe(CreditCodeCheck.Valid);
    }
}
