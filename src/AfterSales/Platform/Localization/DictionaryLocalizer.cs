using Microsoft.Extensions.Localization;

namespace AfterSales.Platform.Localization;

/// <summary>IStringLocalizer over <see cref="Texts"/>, for Razor (@L["…"]) and DataAnnotations.</summary>
public sealed class DictionaryLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, Texts.T(name), !Texts.EnglishTexts.ContainsKey(name));

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, Texts.T(name, arguments), !Texts.EnglishTexts.ContainsKey(name));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Texts.EnglishTexts.Keys.Select(k => this[k]);
}

public sealed class DictionaryLocalizerFactory : IStringLocalizerFactory
{
    static readonly DictionaryLocalizer Instance = new();

    public IStringLocalizer Create(Type resourceSource) => Instance;

    public IStringLocalizer Create(string baseName, string location) => Instance;
}
