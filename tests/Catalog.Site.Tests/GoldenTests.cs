using System.Text;
using Catalog.Site.Tests.Fixture;

namespace Catalog.Site.Tests;

/// <summary>
/// The fixture catalog renders to the tree checked in under <c>golden/</c>, file for file, so any change to a page is
/// a reviewed diff. Regenerate with <c>CATALOG_GOLDEN_UPDATE=1 dotnet test tests/Catalog.Site.Tests</c>.
/// Normalised: line endings to \n; the manifest (a list of the files themselves) is not compared. The CSS and script
/// are compared with their sources in site/Assets instead of with a second copy kept here.
/// </summary>
public sealed class GoldenTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void The_fixture_catalog_renders_to_the_golden_tree()
    {
        var golden = GoldenDir();
        var actual = Tree(fixture.Site);
        if (Environment.GetEnvironmentVariable("CATALOG_GOLDEN_UPDATE") == "1")
        {
            if (Directory.Exists(golden)) Directory.Delete(golden, true);
            foreach (var (path, text) in actual)
            {
                var target = Path.Combine(golden, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text, new UTF8Encoding(false));
            }
            return;
        }
        Assert.True(Directory.Exists(golden), $"No golden tree at {golden}; run with CATALOG_GOLDEN_UPDATE=1 to create it.");
        var expected = Tree(golden);
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        var different = expected.Where(e => e.Value != actual[e.Key]).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, "Pages differ from golden/ (review, then CATALOG_GOLDEN_UPDATE=1): " + string.Join(", ", different));
    }

    [Theory]
    [InlineData("site.css")]
    [InlineData("site.js")]
    public void The_published_assets_are_their_sources(string name)
    {
        var source = Path.Combine(Path.GetDirectoryName(GoldenDir())!, "..", "..", "site", "Assets", name);
        Assert.Equal(Normalised(File.ReadAllText(source)), Normalised(File.ReadAllText(Path.Combine(fixture.Site, "assets", name))));
    }

    private static readonly HashSet<string> SourceAssets = new(StringComparer.Ordinal) { "assets/site.css", "assets/site.js" };

    private static string Normalised(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static SortedDictionary<string, string> Tree(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p != ".site-manifest" && !SourceAssets.Contains(p))
            .ToDictionary(p => p, p => Normalised(File.ReadAllText(Path.Combine(root, p)))),
        StringComparer.Ordinal);

    private static string GoldenDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Catalog.Site.Tests.csproj"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("test project folder not found"), "golden");
    }
}
