using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Platform.Localization;
using AfterSales.Tests.Architecture;

namespace AfterSales.Tests.Localization;

/// <summary>Every Chinese text in the code has its English, in the json file of its feature folder.</summary>
public sealed partial class DictionaryTests
{
    static IEnumerable<(string File, Dictionary<string, string> Entries)> EnglishFiles() =>
        SourceFiles
            .Under(Path.Combine(SourceFiles.App, "Features"), ".json")
            .Where(f => f.EndsWith(".en.json", StringComparison.Ordinal))
            .Select(f => (SourceFiles.Relative(f), JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!));

    [Fact]
    public void The_scan_finds_the_keys_of_pages_models_rules_and_titles()
    {
        var keys = DictionaryKeys.InSources().Select(k => k.Key).ToHashSet();

        keys.ShouldContain("售后服务管理系统"); // L["…"] in the layout
        keys.ShouldContain("用户名或密码不正确"); // Texts.T("…")
        keys.ShouldContain("审计记录只能追加，不能修改或删除"); // DomainException
        keys.ShouldContain("不能移除自己的系统管理员角色"); // DomainException.For
        keys.ShouldContain("确认新密码"); // [Display(Name = "…")]
        keys.ShouldContain("密码必须包含数字"); // Identity's messages
        keys.ShouldContain("客服专员"); // a title switch arm
    }

    [Fact]
    public void Every_chinese_key_in_the_code_has_an_english_entry()
    {
        var missing = DictionaryKeys
            .InSources()
            .Where(k => !Texts.EnglishTexts.ContainsKey(k.Key))
            .GroupBy(k => k.Key)
            .Select(g => $"  \"{g.Key}\": \"\",   // {string.Join(", ", g.Select(k => $"{k.File}:{k.Line}").Distinct())}")
            .ToList();

        missing.ShouldBeEmpty(
            $"{missing.Count} Chinese texts have no English; add them to the <Area>.en.json of their feature folder:\n{string.Join("\n", missing)}"
        );
    }

    [Fact]
    public void Every_english_entry_keeps_the_placeholders_of_its_key()
    {
        var broken = Texts
            .EnglishTexts.Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value)) || string.IsNullOrWhiteSpace(e.Value))
            .Select(e => $"\"{e.Key}\" → \"{e.Value}\"")
            .ToList();

        broken.ShouldBeEmpty(string.Join("\n", broken));
    }

    [Fact]
    public void A_text_translated_in_two_feature_files_reads_the_same_in_both()
    {
        var conflicts = EnglishFiles()
            .SelectMany(f => f.Entries.Select(e => (f.File, e.Key, e.Value)))
            .GroupBy(e => e.Key)
            .Where(g => g.Select(e => e.Value).Distinct().Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(" / ", g.Select(e => $"\"{e.Value}\" ({e.File})"))}")
            .ToList();

        conflicts.ShouldBeEmpty(
            $"Which one is shown depends on file order; keep one, in Shared.en.json if shared:\n{string.Join("\n", conflicts)}"
        );
    }

    static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
