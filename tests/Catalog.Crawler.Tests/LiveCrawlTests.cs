using Catalog.Crawler.Introspection;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sandbox;
using Catalog.Crawler.Sources;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Crawler.Tests;

/// <summary>Live introspection over stdio, inside bubblewrap, against small scripted servers and real npm servers.</summary>
public sealed class LiveCrawlTests : IDisposable
{
    private readonly string _dir = TestPaths.TempDir();
    private readonly CatalogStore _store;

    public LiveCrawlTests()
    {
        _store = CatalogStore.Open(Path.Combine(_dir, "catalog.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static SourceRecord Command(string id, string command, IReadOnlyList<string> args, Dictionary<string, string>? env = null) =>
        new(new Server(id, id, null, null, null, null, null, [], "test", "{}"), new CommandLaunch(command, args, env ?? []));

    private static SourceRecord Mini(string mode, Dictionary<string, string>? env = null) =>
        Command($"test/{mode}", "node", [TestPaths.MiniServer, mode], env);

    private async Task<CrawlSummary> Crawl(params SourceRecord[] records)
    {
        var options = new CrawlOptions
        {
            Concurrency = 2,
            CacheDirectory = Path.Combine(_dir, "cache"),
            Limits = new IntrospectionLimits { StartTimeout = TimeSpan.FromSeconds(8), RequestTimeout = TimeSpan.FromSeconds(8), TotalTimeout = TimeSpan.FromSeconds(20) },
        };
        return await new ServerCrawler(_store, options).RunAsync(new SourceResult(records, []), "test:" + _dir, null, CancellationToken.None);
    }

    private CrawlAttempt Attempt(string id) => _store.LatestAttempts()[id];

    private List<string> ToolNames(string id) => _store.GetTools(id).Select(t => t.Definition.Name).ToList();

    [Fact]
    public async Task Tools_are_listed_across_every_page_of_cursors()
    {
        await Crawl(Mini("paged"));

        Assert.Equal(AttemptStatus.Ok, Attempt("test/paged").Status);
        Assert.Equal(["alpha_list", "beta_get", "delta_create", "gamma_delete"], ToolNames("test/paged"));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_failed_attempt_with_a_reason()
    {
        var summary = await Crawl(Mini("hang"), Mini("ok"));

        Assert.Equal((1, 1), (summary.Ok, summary.Failed));
        var attempt = Attempt("test/hang");
        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.Equal("no answer to initialize within 8s", attempt.Error);
        Assert.Equal(2, ToolNames("test/ok").Count);
    }

    [Fact]
    public async Task A_server_that_exits_at_start_is_recorded_with_its_exit_code_and_last_stderr_line()
    {
        await Crawl(Mini("crash"));

        var attempt = Attempt("test/crash");
        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.Equal("server exited with code 7 during initialize: fatal: cannot open config", attempt.Error);
    }

    [Fact]
    public async Task A_missing_command_is_a_failed_attempt_not_a_crash()
    {
        await Crawl(Command("test/missing", "no-such-program-here", []));

        Assert.Equal("command 'no-such-program-here' not found on PATH", Attempt("test/missing").Error);
    }

    [Fact]
    public async Task Only_configured_environment_reaches_a_server()
    {
        Environment.SetEnvironmentVariable("CATALOG_TEST_CRAWLER_SECRET", "must-not-leak");
        await Crawl(Mini("env", new Dictionary<string, string> { ["CONFIGURED_KEY"] = "x" }));

        var seen = ToolNames("test/env");
        Assert.Contains("CONFIGURED_KEY", seen);
        Assert.DoesNotContain("CATALOG_TEST_CRAWLER_SECRET", seen);
        Assert.All(seen, name => Assert.Contains(name, new[] { "CONFIGURED_KEY", "HOME", "LANG", "NODE_OPTIONS", "NO_COLOR", "PATH", "PWD", "TMPDIR" }));
    }

    [Fact]
    public async Task A_second_crawl_of_unchanged_servers_adds_no_tool_versions()
    {
        await Crawl(Mini("paged"));
        var versions = _store.CountToolVersions();
        await Crawl(Mini("paged"));

        Assert.Equal(versions, _store.CountToolVersions());
        Assert.Equal(2, _store.GetRuns().Count);
    }

    public static TheoryData<string, string, string> RealServers => new()
    {
        { "@modelcontextprotocol/server-memory", "", "read_graph" },
        { "@modelcontextprotocol/server-filesystem", "/tmp", "read_text_file" },
    };

    [Theory]
    [MemberData(nameof(RealServers))]
    public async Task A_real_npm_server_lists_its_tools_inside_the_sandbox(string package, string argument, string expectedTool)
    {
        Assert.True(Directory.Exists(Path.Combine(TestPaths.NpmFixtures, "node_modules")), "run ./test.sh (npm ci in tests/fixtures/npm) first");
        var (bin, error) = NpmInstaller.FindBin(TestPaths.NpmFixtures, package);
        Assert.True(bin is not null, error);
        string[] args = argument.Length == 0 ? [bin!] : [bin!, argument];

        await Crawl(Command("npm:" + package, "node", args));

        var attempt = Attempt("npm:" + package);
        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        Assert.Contains(expectedTool, ToolNames("npm:" + package));
        Assert.All(_store.GetTools("npm:" + package), t => Assert.NotNull(t.Definition.InputSchema));
    }

    [Fact]
    public void The_sandbox_command_unshares_the_network_and_clears_the_environment()
    {
        var (_, args) = Bubblewrap.Wrap("/usr/bin/bwrap", new SandboxOptions(), "/usr/bin/node", ["x.js"],
            new Dictionary<string, string> { ["K"] = "v" }, ["/srv/pkg"]);

        Assert.Contains("--unshare-all", args);
        Assert.Contains("--clearenv", args);
        Assert.Contains("--die-with-parent", args);
        var bind = args.ToList().IndexOf("/srv/pkg");
        Assert.Equal("--ro-bind", args[bind - 1]);
        Assert.DoesNotContain("/root", args);
    }
}
