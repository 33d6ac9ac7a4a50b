using System.Text.RegularExpressions;
using AfterSales.Tests.Architecture;

namespace AfterSales.Tests.Localization;

/// <summary>A Chinese text used as a dictionary key somewhere in the code, and where.</summary>
public sealed record DictionaryKey(string Key, string File, int Line);

/// <summary>
/// Finds the Chinese dictionary keys in the pages and code of every feature and of the platform:
/// <c>L["…"]</c>, <c>Texts.T("…")</c>, DomainException templates, <c>[Display(Name = "…")]</c>,
/// <c>ErrorMessage = "…"</c>, Identity's messages, and the <c>=&gt; "…"</c> arms of the switch
/// methods that name enum values, roles and record types.
/// </summary>
internal static partial class DictionaryKeys
{
    static readonly string[] Folders = ["Features", "Platform"];

    const string Literal = @"""((?:[^""\\\r\n]|\\.)*)""";

    static readonly Regex[] Patterns =
    [
        new(@"\bL\[\s*" + Literal),
        new(@"\bTexts\.T\(\s*" + Literal),
        new(@"\bDomainException\(\s*" + Literal),
        new(@"\bDomainException\.For\(\s*(?:nameof\([^)]*\)|""[^""]*"")\s*,\s*" + Literal),
        new(@"\bDisplay\([^)]*?\bName\s*=\s*" + Literal),
        new(@"\bErrorMessage\s*=\s*" + Literal),
        new(@"\bE\(\s*nameof\([^)]*\)\s*,\s*" + Literal),
        new(@"=>\s*" + Literal),
    ];

    public static IReadOnlyList<DictionaryKey> InSources() =>
        [.. Folders.SelectMany(folder => SourceFiles.Under(Path.Combine(SourceFiles.App, folder), ".cs", ".cshtml")).SelectMany(InFile)];

    public static IEnumerable<DictionaryKey> InFile(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var pattern in Patterns)
            {
                foreach (Match m in pattern.Matches(lines[i]))
                {
                    var key = m.Groups[1]
                        .Value.Replace("\\\"", "\"", StringComparison.Ordinal)
                        .Replace("\\\\", "\\", StringComparison.Ordinal);
                    if (Chinese().IsMatch(key))
                        yield return new DictionaryKey(key, SourceFiles.Relative(path), i + 1);
                }
            }
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();
}
