using System.Text.RegularExpressions;
using AfterSales.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Architecture;

/// <summary>
/// The rules that decide money, deadlines and coverage are plain classes: no database, no HTTP,
/// so they are tested table-driven without a host and read without knowing the framework.
/// </summary>
public sealed partial class PureRulesTests
{
    static readonly string[] NamedRules = ["CoveragePeriods", "CoveragePeriod", "ServiceTerms", "CreditCode", "PhoneNumber"];
    static readonly string[] RuleSuffixes = ["Rules", "Policy", "Calendar", "Clock"];

    /// <summary>Namespaces that hold nothing but rules: the clock engine and the penalty arithmetic.</summary>
    static readonly string[] RuleNamespaces =
    [
        "AfterSales.Features.WorkOrders.Clocks",
        "AfterSales.Features.Penalties.Rules",
        "AfterSales.Features.Hotline.Rules",
    ];
    static readonly string[] ForbiddenAssemblies =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Npgsql",
        "Microsoft.Data.Sqlite",
        "System.Net.Http",
    ];

    public static IReadOnlyList<Type> RuleTypes { get; } =
    [
        .. typeof(Policies)
            .Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("AfterSales.Features", StringComparison.Ordinal) == true && !t.IsNested)
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t =>
                NamedRules.Contains(t.Name)
                || RuleSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal))
                || RuleNamespaces.Contains(t.Namespace)
            )
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    static IEnumerable<string> Violations(Type type) =>
        TypeReferences
            .Of(type)
            .Where(t =>
                ForbiddenAssemblies.Any(a => t.Assembly.GetName().Name!.StartsWith(a, StringComparison.Ordinal))
                || typeof(DbContext).IsAssignableFrom(t)
            )
            .Select(t => $"{type.FullName} uses {t.FullName}")
            .Distinct();

    [Fact]
    public void The_rule_classes_are_found()
    {
        NamedRules.Except(RuleTypes.Select(t => t.Name)).ShouldBeEmpty();
        RuleNamespaces.Except(RuleTypes.Select(t => t.Namespace)).ShouldBeEmpty();
        RuleTypes.Select(t => t.Name).ShouldContain("ClockEngine");
        RuleTypes.Select(t => t.Name).ShouldContain("PenaltyAmount");
        RuleTypes.Select(t => t.Name).ShouldContain("LedgerHash");
    }

    [Fact]
    public void Rule_classes_use_neither_ef_core_nor_asp_net_core()
    {
        var violations = RuleTypes.SelectMany(Violations).ToList();

        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    [Fact]
    public void The_check_recognises_a_class_that_does_use_them()
    {
        Violations(typeof(ApiKeyHandler)).ShouldContain(v => v.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Violations(typeof(ApiKeyHandler)).ShouldContain(v => v.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_source_files_of_rule_classes_import_neither()
    {
        var names = RuleTypes.Select(t => t.Name).ToHashSet();
        var problems = new List<string>();
        foreach (var file in SourceFiles.Under(Path.Combine(SourceFiles.App, "Features"), ".cs"))
        {
            var text = File.ReadAllText(file);
            if (!Declarations().Matches(text).Any(m => names.Contains(m.Groups[1].Value)))
                continue;
            problems.AddRange(Forbidden().Matches(text).Select(m => $"{SourceFiles.Relative(file)}: {m.Value}"));
        }

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(\w+)")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"using\s+Microsoft\.(EntityFrameworkCore|AspNetCore)[\w.]*;|\b(HttpContext|HttpRequest|DbContext|AppDbContext)\b")]
    private static partial Regex Forbidden();
}
