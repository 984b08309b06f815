using Catalog.Data.Model;
using Catalog.Data.Store;
using Xunit.Abstractions;

namespace Catalog.Cli.Tests;

/// <summary>
/// A crawl killed with SIGKILL at several random points (a fixed seed, so a failure can be replayed), then run to the
/// end: the store stays sound and every server's tools are recorded exactly once.
/// </summary>
public sealed class CrawlFaultTests(ITestOutputHelper output)
{
    private const int Seed = 20261122;
    private const int Kills = 4;

    [Fact]
    public async Task A_crawl_killed_at_four_random_points_finishes_with_every_tool_version_exactly_once()
    {
        var dir = CliRunner.TempDir();
        var servers = Enumerable.Range(1, 8).Select(i => ($"slow{i}", "slow")).ToArray();
        var config = CliRunner.WriteMcpConfig(dir, servers);
        var db = Path.Combine(dir, "catalog.db");
        string[] args = ["crawl", "--mcp-config", config, "--db", db, "--concurrency", "2", "--cache", Path.Combine(dir, "cache")];
        var random = new Random(Seed);
        var log = new List<string>();
        // Kill points as progress, not time, so a loaded machine still kills mid-crawl: the first during start-up, the
        // others once a seeded number of servers is recorded (rising, at most 6 of 8), each plus a random 0-1.5 s.
        var targets = new[] { 0 }.Concat(Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(Kills - 1).Order()).ToArray();

        foreach (var target in targets)
        {
            using var child = ChildCatalog.Start(new Dictionary<string, string>(), args);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (Recorded(db).Attempts < target && !child.HasExited && DateTime.UtcNow < deadline) await Task.Delay(50);
            var extra = TimeSpan.FromMilliseconds(target == 0 ? random.Next(300, 3000) : random.Next(0, 1500));
            await Task.Delay(extra);
            if (child.HasExited) Assert.Fail($"the crawl ended before the kill after {target} servers + {extra.TotalSeconds:0.0}s: {child.Error}");
            await child.KillAsync();
            var (attempts, distinct) = Recorded(db);
            log.Add($"kill after {target} servers + {extra.TotalSeconds:0.0}s: {attempts} attempts recorded");
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
