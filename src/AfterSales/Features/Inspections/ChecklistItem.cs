using AfterSales.Platform.Audit;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Inspections;

/// <summary>检查项: one thing a technician checks on every asset of a product type during a round.</summary>
public sealed class ChecklistItem : IAudited
{
    public const int MaxText = 200;

    public long Id { get; private set; }
    public long ProductTypeId { get; private set; }
    public string Text { get; private set; } = "";
    public string TextEn { get; private set; } = "";
    public int SortOrder { get; private set; }

    /// <summary>Retired items are kept for the findings that name them, but no longer asked.</summary>
    public bool Active { get; private set; } = true;

    ChecklistItem() { }

    public static ChecklistItem Create(long productTypeId, string text, string textEn, int sortOrder)
    {
        var i = new ChecklistItem { ProductTypeId = productTypeId };
        i.Update(text, textEn, sortOrder, true);
        return i;
    }

    public void Update(string text, string textEn, int sortOrder, bool active)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw DomainException.For(nameof(Text), "请填写检查项");
        if (text.Trim().Length > MaxText || textEn.Trim().Length > MaxText)
            throw DomainException.For(nameof(Text), "检查项不能超过{0}个字符", MaxText);
        (Text, TextEn, SortOrder, Active) = (text.Trim(), textEn.Trim(), sortOrder, active);
    }

    public string DisplayText => Platform.Localization.Texts.IsEnglish && TextEn.Length > 0 ? TextEn : Text;
}
