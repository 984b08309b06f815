using Catalog.Data.Model;
using Catalog.Data.Store;
using Xunit.Abstractions;

namespace Catalog.Cli.Tests;

/// <summary>
/// A crawl killed with SIGKILL at several random moments (a fixed seed, so a failure can be replayed), then run to the
/// end: the store stays sound and every server's tools are recorded exactly once.
/// </summary>
public sealed class CrawlFaultTests(ITestOutputHelper output)
{
    private const int Seed = 20261122;
    private const int Kills = 4;

    [Fact]
    public async Task A_crawl_killed_at_four_random_moments_finishes_with_every_tool_version_exactly_once()
    {
        var dir = CliRunner.TempDir();
        var servers = Enumerable.Range(1, 8).Select(i => ($"slow{i}", "slow")).ToArray();
        var config = CliRunner.WriteMcpConfig(dir, servers);
        var db = Path.Combine(dir, "catalog.db");
        string[] args = ["crawl", "--mcp-config", config, "--db", db, "--concurrency", "2", "--cache", Path.Combine(dir, "cache")];
        var random = new Random(Seed);
        var log = new List<string>();

        for (var kill = 0; kill < Kills; kill++)
        {
            // From before the store is opened to well into the run (each slow server takes over 3 s).
            var after = TimeSpan.FromMilliseconds(random.Next(300, 9000));
            using var child = ChildCatalog.Start(new Dictionary<string, string>(), args);
            await Task.Delay(after);
            if (child.HasExited) Assert.Fail($"kill {kill}: the crawl ended before {after.TotalSeconds:0.0}s: {child.Error}");
            await child.KillAsync();
            var (attempts, distinct) = Recorded(db);
            log.Add($"kill {kill} at {after.TotalSeconds:0.0}s: {attempts} attempts");
            Assert.Equal(attempts, distinct);
        }

        var (code, error) = await ChildCatalog.RunAsync(new Dictionary<string, string>(), args);
        Assert.True(code == 0, $"{error}\n{string.Join('\n', log)}");
        foreach (var line in log) output.WriteLine(line);

        using var store = CatalogStore.Open(db);
        Assert.Equal("ok", store.IntegrityCheck());
        var run = Assert.Single(store.GetRuns());
        Assert.NotNull(run.FinishedAt);
        var recorded = store.GetAttempts(run.Id);
        Assert.Equal(servers.Select(s => "local/" + s.Item1).Order(), recorded.Select(a => a.ServerId).Order());
        Assert.All(recorded, a => Assert.Equal(AttemptStatus.Ok, a.Status));
        Assert.Equal(16, store.GetTools().Count());
        Assert.Equal(16, store.CountToolVersions());
    }

    /// <summary>Attempts in the latest run, and how many distinct servers they name.</summary>
    private static (int Attempts, int Distinct) Recorded(string db)
    {
        if (!File.Exists(db)) return (0, 0);
        using var store = CatalogStore.Open(db);
        Assert.Equal("ok", store.IntegrityCheck());
        var run = store.GetRuns().LastOrDefault();
        if (run is null) return (0, 0);
        var attempts = store.GetAttempts(run.Id);
        return (attempts.Count, attempts.Select(a => a.ServerId).Distinct().Count());
    }
}
