using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Tests;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_crawl_killed_mid_run_resumes_and_loses_or_duplicates_nothing()
    {
        var dir = CliRunner.TempDir();
        var servers = Enumerable.Range(1, 6).Select(i => ($"slow{i}", "slow")).ToArray();
        var config = CliRunner.WriteMcpConfig(dir, servers);
        var db = Path.Combine(dir, "catalog.db");
        string[] args = ["crawl", "--mcp-config", config, "--db", db, "--concurrency", "1", "--cache", Path.Combine(dir, "cache")];

        // First process: killed with SIGKILL once two servers are recorded and while a third is being crawled.
        using (var first = CliRunner.Start(args))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Attempts(db) < 2 && DateTime.UtcNow < deadline && !first.HasExited) await Task.Delay(200);
            Assert.False(first.HasExited, "the crawl finished before it could be killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var recordedBeforeKill = Attempts(db);
        Assert.InRange(recordedBeforeKill, 2, 5);

        // Second process: the same command resumes the same run.
        var second = await CliRunner.RunAsync(args);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"resumed; {recordedBeforeKill} servers already done", second.Error, StringComparison.Ordinal);

        using var store = CatalogStore.Open(db);
        Assert.Equal("ok", store.IntegrityCheck());
        var run = Assert.Single(store.GetRuns());
        Assert.NotNull(run.FinishedAt);
        var attempts = store.GetAttempts(run.Id);
        Assert.Equal(servers.Select(s => "local/" + s.Item1).Order(), attempts.Select(a => a.ServerId).Order());
        Assert.All(attempts, a => Assert.Equal(AttemptStatus.Ok, a.Status));
        Assert.Equal(12, store.GetTools().Count());
        Assert.Equal(12, store.CountToolVersions());
    }

    private static int Attempts(string db)
    {
        if (!File.Exists(db)) return 0;
        using var store = CatalogStore.Open(db);
        var run = store.GetRuns().LastOrDefault();
        return run is null ? 0 : store.GetAttempts(run.Id).Count;
    }
}
