using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace AfterSales.Platform.Localization;

/// <summary>
/// The UI speaks Simplified Chinese; a key is the Chinese text itself. English comes from the
/// <c>*.en.json</c> files each feature keeps beside its pages (embedded at build time), merged
/// into one dictionary here. A missing entry falls back to the Chinese text, and a test lists
/// every key used in the code that has no English.
/// </summary>
public static class Texts
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo[] Supported = [Chinese, English];

    static readonly Lazy<FrozenDictionary<string, string>> EnglishLoaded = new(Load);

    public static FrozenDictionary<string, string> EnglishTexts => EnglishLoaded.Value;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text in the current UI language.</summary>
    public static string T(string key) => IsEnglish && EnglishTexts.TryGetValue(key, out var en) ? en : key;

    public static string T(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    static FrozenDictionary<string, string> Load()
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(Texts).Assembly;
        foreach (
            var name in assembly
                .GetManifestResourceNames()
                .Where(n => n.EndsWith(".en.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
        )
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            foreach (var (k, v) in entries)
                merged[k] = v;
        }
        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
