namespace AfterSales.Tests.Architecture;

/// <summary>The repository's own source files, for tests that read code rather than run it.</summary>
internal static class SourceFiles
{
    /// <summary>The folder holding AfterSales.slnx, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string App => Path.Combine(RepositoryRoot, "src", "AfterSales");

    /// <summary>Files under <paramref name="folder"/> with the given extensions, without build output or migrations.</summary>
    public static IEnumerable<string> Under(string folder, params string[] extensions) =>
        Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "Migrations" or "node_modules"))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"AfterSales.slnx not found above {AppContext.BaseDirectory}");
    }
}
