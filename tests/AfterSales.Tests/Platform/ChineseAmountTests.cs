using AfterSales.Platform.Formatting;

namespace AfterSales.Tests.Platform;

public sealed class ChineseAmountTests
{
    [Theory]
    // The brief's example, and the examples of the People's Bank rules for filling in bills.
    [InlineData(1_234_50, "壹仟贰佰叁拾肆元伍角整")]
    [InlineData(16_409_02, "壹万陆仟肆佰零玖元零贰分")]
    [InlineData(1_680_32, "壹仟陆佰捌拾元叁角贰分")]
    [InlineData(107_000_53, "壹拾万柒仟元伍角叁分")]
    [InlineData(15_00, "壹拾伍元整")]
    // 整 after 元 or 角, never after 分; less than a yuan starts at 角 or 分.
    [InlineData(0, "零元整")]
    [InlineData(1, "壹分")]
    [InlineData(10, "壹角整")]
    [InlineData(55, "伍角伍分")]
    [InlineData(1_00, "壹元整")]
    [InlineData(1_234_00, "壹仟贰佰叁拾肆元整")]
    [InlineData(1_234_05, "壹仟贰佰叁拾肆元零伍分")]
    [InlineData(1_234_56, "壹仟贰佰叁拾肆元伍角陆分")]
    // A leading 1 of the tens is written; inner zeros are one 零; trailing zeros nothing.
    [InlineData(10_00, "壹拾元整")]
    [InlineData(110_00, "壹佰壹拾元整")]
    [InlineData(1_001_00, "壹仟零壹元整")]
    [InlineData(1_010_00, "壹仟零壹拾元整")]
    [InlineData(1_100_00, "壹仟壹佰元整")]
    [InlineData(10_010_00, "壹万零壹拾元整")]
    // 万 and 亿 groups, with 零 across a group boundary when the next place is empty.
    [InlineData(10_000_00, "壹万元整")]
    [InlineData(10_001_00, "壹万零壹元整")]
    [InlineData(100_001_00, "壹拾万零壹元整")]
    [InlineData(101_000_00, "壹拾万壹仟元整")]
    [InlineData(1_000_000_00, "壹佰万元整")]
    [InlineData(386_500_00, "叁拾捌万陆仟伍佰元整")]
    [InlineData(100_000_000_00, "壹亿元整")]
    [InlineData(100_000_100_00, "壹亿零壹佰元整")]
    [InlineData(100_010_000_00, "壹亿零壹万元整")]
    [InlineData(110_000_000_00, "壹亿壹仟万元整")]
    [InlineData(325_000_000_00, "叁亿贰仟伍佰万元整")]
    [InlineData(1_000_000_001_00, "壹拾亿零壹元整")]
    [InlineData(10_010_000_000_00, "壹佰亿壹仟万元整")]
    [InlineData(1_000_000_000_000_00, "壹万亿元整")]
    [InlineData(1_234_500_000_000_00, "壹万贰仟叁佰肆拾伍亿元整")]
    [InlineData(1_000_000_010_000_00, "壹万亿零壹万元整")]
    [InlineData(99_999_999_999_99, "玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    // Waivers are negative.
    [InlineData(-1_234_50, "负壹仟贰佰叁拾肆元伍角整")]
    [InlineData(-5, "负伍分")]
    [InlineData(-386_500_00, "负叁拾捌万陆仟伍佰元整")]
    public void Amounts_are_written_in_capital_numerals(long fen, string expected) => ChineseAmount.Of(fen).ShouldBe(expected);

    [Fact]
    public void The_extreme_amounts_of_a_long_are_written_without_overflow()
    {
        // ¥92,233,720,368,547,758.07: 亿 of 亿 at the top.
        ChineseAmount.Of(long.MaxValue).ShouldBe("玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
        ChineseAmount.Of(long.MinValue).ShouldBe("负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分");
    }
}
