using Catalog.Classifier.Export;

namespace Catalog.Export.Tests;

/// <summary>
/// Every exporter's output for the fixture server, compared byte for byte with a checked-in file. Set
/// <c>UPDATE_GOLDEN=1</c> to rewrite the files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in PolicyExporters.Formats)
        {
            foreach (var p in new[] { "strict", "balanced", "permissive" }) data.Add(f, p);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Export_matches_the_golden_file(string format, string profile)
    {
        var result = Exported.Run(format, FixtureServer.Plan(profile));
        var text = result.Content + (result.Notes.Count == 0 ? "" : "\n=== notes ===\n" + string.Join("\n", result.Notes) + "\n");
        var path = Path.Combine(Repo.Golden, $"{format}.{profile}.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Repo.Golden);
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), $"missing golden file {path}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Export_is_deterministic(string format, string profile) =>
        Assert.Equal(Exported.Run(format, FixtureServer.Plan(profile)).Content, Exported.Run(format, FixtureServer.Plan(profile)).Content);
}
