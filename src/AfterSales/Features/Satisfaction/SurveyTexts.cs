namespace AfterSales.Features.Satisfaction;

public static class SurveyTexts
{
    public static string RatingTitle(int rating) =>
        rating switch
        {
            1 => "很不满意",
            2 => "不满意",
            3 => "一般",
            4 => "满意",
            5 => "很满意",
            _ => "",
        };
}
