using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Cli.Schedule;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Tests;

/// <summary>
/// <c>catalog schedule</c>: cron parsing, one run at a time per store (in one process and across two), the one log
/// line per run, and a run killed with SIGKILL that resumes on restart.
/// </summary>
public sealed partial class ScheduleCommandTests
{
    [GeneratedRegex(@"^schedule: outcome=(ok|interrupted) started=(\S+) finished=(\S+)", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    private static string[] Args(string dir, string config, params string[] more) =>
        ["schedule", "--mcp-config", config, "--db", Path.Combine(dir, "catalog.db"), "--out", Path.Combine(dir, "site"),
         "--concurrency", "1", "--cache", Path.Combine(dir, "cache"), .. more];

    [Theory]
    [InlineData("61 * * * *")]
    [InlineData("every night")]
    [InlineData("* * *")]
    public async Task A_cron_expression_that_does_not_parse_is_bad_input_with_the_reason(string cron)
    {
        var result = await CliRunner.RunAsync("schedule", "--cron", cron, "--db", Path.Combine(CliRunner.TempDir(), "catalog.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"catalog: --cron '{cron}' is not a cron expression: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_cron_nor_once_is_bad_input()
    {
        var result = await CliRunner.RunAsync("schedule");

        Assert.Equal((2, "catalog: give --cron EXPR to run on a schedule, or --once to run now and exit\n"), (result.ExitCode, result.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    [InlineData("0 3 * * *", "2026-01-01T03:00:00Z")]
    [InlineData("30 4 * * 1", "2026-01-05T04:30:00Z")]
    [InlineData("0 0 3 ? * MON-FRI", "2026-01-01T03:00:00Z")]
    [InlineData("@daily", "2026-01-02T00:00:00Z")]
    public void Crontab_and_quartz_forms_are_read_in_utc(string cron, string next)
    {
        var after = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(next, CultureInfo.InvariantCulture), CronText.Parse(cron).GetNextValidTimeAfter(after));
    }

    [Fact]
    public async Task Once_crawls_classifies_and_writes_the_site_with_one_log_line()
    {
        var dir = CliRunner.TempDir();
        var config = CliRunner.WriteMcpConfig(dir, ("a", "ok"), ("b", "ok"));

        var result = await CliRunner.RunAsync(Args(dir, config, "--once"));

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("schedule:", StringComparison.Ordinal));
        Assert.Matches(@"^schedule: outcome=ok started=\S+Z finished=\S+Z duration=[0-9.]+s crawl-run=1 resumed=no servers=2 already-done=0 ok=2 failed=0 skipped=0 tools=4 classified=4 pages=6$", line);
        Assert.True(File.Exists(Path.Combine(dir, "site", "index.html")));
    }

    [Fact]
    public async Task Once_reads_the_sources_crawl_reads_and_files_the_run_under_their_label()
    {
        var dir = CliRunner.TempDir();
        var seeds = Path.Combine(dir, "seeds.json");
        File.WriteAllText(seeds, """[{"name":"io.example/no-package","description":"Nothing to start","version":"1.0.0"}]""");
        var db = Path.Combine(dir, "catalog.db");

        var result = await CliRunner.RunAsync("schedule", "--once", "--source", "seed", "--seeds", seeds, "--db", db,
            "--out", Path.Combine(dir, "site"), "--cache", Path.Combine(dir, "cache"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("sources: seed 1; 1 servers after merging", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"schedule: outcome=ok .* servers=1 already-done=0 ok=0 failed=0 skipped=1 tools=0", result.Error);
    }

    [Fact]
    public async Task A_config_and_sources_together_are_bad_input()
    {
        var dir = CliRunner.TempDir();
        var config = CliRunner.WriteMcpConfig(dir, ("a", "ok"));

        var result = await CliRunner.RunAsync(Args(dir, config, "--once", "--source", "registry"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give either --mcp-config or --source, not both", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_on_one_store_never_run_at_once()
    {
        var dir = CliRunner.TempDir();
        var config = CliRunner.WriteMcpConfig(dir, ("a", "slow"), ("b", "slow"));
        var args = Args(dir, config, "--cron", "*/2 * * * * ?");

        using var first = Child.Start(args);
        using var second = Child.Start(args);
        // Until two runs finished between them (each takes several seconds of slow servers), bounded on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (RunLine().Matches(first.Error + second.Error).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(500);
        await first.StopAsync();
        await second.StopAsync();

        var log = first.Error + second.Error;
        var runs = RunLine().Matches(log).Select(m => (Start: Time(m.Groups[2].Value), End: Time(m.Groups[3].Value))).OrderBy(r => r.Start).ToList();
        Assert.True(runs.Count >= 2, log);
        for (var i = 1; i < runs.Count; i++) Assert.True(runs[i].Start >= runs[i - 1].End, $"runs overlap:\n{log}");
        Assert.Contains($"reason=\"another run holds {Path.Combine(dir, "catalog.db")}.lock\"", log, StringComparison.Ordinal);
        // A firing that came due during a process's own run is dropped: by Quartz as a misfire, or by the run's own check.
        Assert.Matches("reason=\"(misfired: )?the previous run was still going\"", log);
        using var store = CatalogStore.Open(Path.Combine(dir, "catalog.db"));
        Assert.Equal("ok", store.IntegrityCheck());
        Assert.Equal(4, store.CountToolVersions());
    }

    [Fact]
    public async Task Once_while_another_run_holds_the_store_skips_with_exit_6()
    {
        var dir = CliRunner.TempDir();
        var config = CliRunner.WriteMcpConfig(dir, ("a", "ok"));
        var db = Path.Combine(dir, "catalog.db");

        using (StoreLockHeld(db))
        {
            var result = await CliRunner.RunAsync(Args(dir, config, "--once"));

            Assert.Equal(6, result.ExitCode);
            Assert.Matches($"^schedule: outcome=skipped at=\\S+ reason=\"another run holds {Regex.Escape(db)}.lock\"", result.Error);
        }
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task A_scheduled_run_killed_mid_crawl_resumes_on_restart_and_loses_or_duplicates_nothing()
    {
        var dir = CliRunner.TempDir();
        var servers = Enumerable.Range(1, 6).Select(i => ($"slow{i}", "slow")).ToArray();
        var config = CliRunner.WriteMcpConfig(dir, servers);
        var db = Path.Combine(dir, "catalog.db");

        using (var scheduled = Child.Start(Args(dir, config, "--cron", "* * * * * ?")))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Attempts(db) < 2 && DateTime.UtcNow < deadline && !scheduled.HasExited) await Task.Delay(200);
            Assert.False(scheduled.HasExited, scheduled.Error);
            scheduled.KillHard();
        }
        var recordedBeforeKill = Attempts(db);
        Assert.InRange(recordedBeforeKill, 2, 5);

        var restart = await CliRunner.RunAsync(Args(dir, config, "--once"));

        Assert.True(restart.ExitCode == 0, restart.Error);
        Assert.Contains($"resumed; {recordedBeforeKill} servers already done", restart.Error, StringComparison.Ordinal);
        Assert.Contains($"resumed=yes servers=6 already-done={recordedBeforeKill} ok={6 - recordedBeforeKill}", restart.Error, StringComparison.Ordinal);
        using var store = CatalogStore.Open(db);
        Assert.Equal("ok", store.IntegrityCheck());
        var run = Assert.Single(store.GetRuns());
        Assert.NotNull(run.FinishedAt);
        var attempts = store.GetAttempts(run.Id);
        Assert.Equal(servers.Select(s => "local/" + s.Item1).Order(), attempts.Select(a => a.ServerId).Order());
        Assert.All(attempts, a => Assert.Equal(AttemptStatus.Ok, a.Status));
        Assert.Equal(12, store.CountToolVersions());
    }

    [Theory]
    [InlineData("crawl")]
    [InlineData("build")]
    public async Task A_manual_run_while_a_scheduled_one_holds_the_store_does_nothing_and_says_so(string verb)
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        var seeds = Path.Combine(dir, "seeds.json");
        File.WriteAllText(seeds, "[]");

        using (StoreLockHeld(db))
        {
            var result = await CliRunner.RunAsync(verb, "--seeds", seeds, "--db", db, "--cache", Path.Combine(dir, "cache"));

            Assert.Equal(6, result.ExitCode);
            Assert.Contains($"another run holds {db}.lock", result.Error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(db));
    }

    private static IDisposable StoreLockHeld(string db) =>
        new FileStream(db + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static int Attempts(string db)
    {
        if (!File.Exists(db)) return 0;
        using var store = CatalogStore.Open(db);
        var run = store.GetRuns().LastOrDefault();
        return run is null ? 0 : store.GetAttempts(run.Id).Count;
    }

    /// <summary>A <c>catalog</c> child process whose stderr is kept, stopped with SIGTERM or killed with SIGKILL.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _error = new();

        private Child(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        public string Error
        {
            get { lock (_error) return _error.ToString(); }
        }

        public static Child Start(string[] args)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog.dll"));
            foreach (var a in args) psi.ArgumentList.Add(a);
            var child = new Child(Process.Start(psi)!);
            child._process.OutputDataReceived += (_, _) => { };
            child._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (child._error) child._error.Append(e.Data).Append('\n');
            };
            child._process.BeginOutputReadLine();
            child._process.BeginErrorReadLine();
            return child;
        }

        /// <summary>SIGTERM, as systemd stops a service; waits for the process to finish its line and exit.</summary>
        public async Task StopAsync()
        {
            if (!_process.HasExited) Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        public void KillHard()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited) KillHard();
            _process.Dispose();
        }
    }
}
