namespace Catalog.Crawler.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds Catalog.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string MiniServer => Path.Combine(AppContext.BaseDirectory, "servers", "mini-server.js");

    /// <summary>Where test.sh installs the pinned real MCP servers (npm ci in tests/fixtures/npm).</summary>
    public static string NpmFixtures => Path.Combine(Root, "tests", "fixtures", "npm");

    public static string TempDir()
    {
        var dir = Directory.CreateTempSubdirectory("catalog-test-").FullName;
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
    }
}
