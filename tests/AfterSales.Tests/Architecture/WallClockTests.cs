using System.Text.RegularExpressions;

namespace AfterSales.Tests.Architecture;

/// <summary>Deadlines and penalties are only testable if time comes from the injected TimeProvider.</summary>
public sealed partial class WallClockTests
{
    [Fact]
    public void No_source_file_reads_the_wall_clock()
    {
        var reads = SourceFiles
            .Under(Path.Combine(SourceFiles.RepositoryRoot, "src"), ".cs", ".cshtml")
            .SelectMany(file =>
                File.ReadLines(file)
                    .Select((line, i) => (line, i))
                    .Where(x => WallClock().IsMatch(x.line))
                    .Select(x => $"{SourceFiles.Relative(file)}:{x.i + 1}: {x.line.Trim()}")
            )
            .ToList();

        reads.ShouldBeEmpty($"Use the injected TimeProvider instead:\n{string.Join("\n", reads)}");
    }

    [GeneratedRegex(@"\bDateTime\s*\.\s*(Now|UtcNow|Today)\b|\bDateTimeOffset\s*\.\s*(Now|UtcNow)\b")]
    private static partial Regex WallClock();
}
