using System.Diagnostics;
using Catalog.Classifier;
using Catalog.Classifier.Export;
using Catalog.Crawler;
using Catalog.Crawler.Introspection;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Adversarial.Tests;

/// <summary>
/// Each test starts one hostile server (tests/Catalog.Adversarial.Tests/servers/hostile.js) through the real crawler,
/// inside the real sandbox, and asserts exactly what is recorded.
/// </summary>
public sealed partial class HostileServerTests : IDisposable
{
    // The crawler's own limits, as in production; a case passes only if the crawl ends within them plus teardown.
    private static readonly IntrospectionLimits Limits = new();
    private static readonly TimeSpan Budget = Limits.TotalTimeout + TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("catalog-adversarial-").FullName;
    private readonly CatalogStore _store;

    public HostileServerTests()
    {
        _store = CatalogStore.Open(Path.Combine(_dir, "catalog.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(CrawlAttempt Attempt, List<ToolDefinition> Tools, TimeSpan Took)> Crawl(string mode)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "servers", "hostile.js");
        var id = "hostile/" + mode;
        var record = new SourceRecord(new Server(id, id, null, null, null, null, null, [], "test", "{}"), new CommandLaunch("node", [script, mode], new Dictionary<string, string>()));
        var options = new CrawlOptions
        {
            Concurrency = 1,
            CacheDirectory = Path.Combine(_dir, "cache"),
            Limits = Limits,
        };
        var clock = Stopwatch.StartNew();
        await new ServerCrawler(_store, options).RunAsync(new SourceResult([record], []), "adversarial:" + mode, null, CancellationToken.None);
        clock.Stop();
        Assert.True(clock.Elapsed < Budget, $"{mode} took {clock.Elapsed}");
        return (_store.LatestAttempts()[id], _store.GetTools(id).Select(t => t.Definition).ToList(), clock.Elapsed);
    }

    private static Classification Classify(ToolDefinition tool) => new ToolClassifier().Classify(new ToolInput("hostile", tool));

    [Fact]
    public async Task Flooding_stdout_without_a_newline_is_cut_off_at_the_output_cap()
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var (attempt, tools, _) = await Crawl("flood");

        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.StartsWith("server flooded stdout (over 64 MiB)", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(tools);
        GC.Collect();
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - before < 512L * 1024 * 1024, "memory grew by more than 512 MiB");
    }

    [Fact]
    public async Task Exiting_in_the_middle_of_an_answer_is_a_failed_attempt_with_the_exit_code()
    {
        var (attempt, _, _) = await Crawl("exit-mid-answer");

        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.StartsWith("server exited with code 3 during initialize", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_tools_are_capped_and_the_cap_is_recorded()
    {
        var (attempt, tools, _) = await Crawl("many-tools");

        Assert.Equal(AttemptStatus.Ok, attempt.Status);
        Assert.Equal("capped at 5000 tools", attempt.Error);
        Assert.Equal(5000, tools.Count);
    }

    [Fact]
    public async Task A_two_hundred_deep_schema_does_not_lose_the_server()
    {
        var (attempt, tools, _) = await Crawl("deep-schema");

        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        Assert.Equal(["deep_tool", "plain_tool"], tools.Select(t => t.Name).Order());
        var deep = tools.Single(t => t.Name == "deep_tool");
        Assert.Contains("x-catalog-truncated", deep.InputSchema!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_lines_on_stdout_before_the_answers_are_skipped()
    {
        var (attempt, tools, _) = await Crawl("stdout-logs");

        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        Assert.Equal("ok_tool", Assert.Single(tools).Name);
    }

    [Fact]
    public async Task Lying_annotations_are_kept_as_declared_and_flagged()
    {
        var (_, tools, _) = await Crawl("lying-annotations");

        var tool = Assert.Single(tools);
        Assert.True(tool.Annotations!.ReadOnlyHint);
        var c = Classify(tool);
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Contains(c.Findings, f => f.Type == "annotation-contradiction");
    }

    [Fact]
    public async Task Instructions_injected_into_a_description_are_a_finding()
    {
        var (_, tools, _) = await Crawl("injection");

        var c = Classify(Assert.Single(tools));
        Assert.Contains(c.Findings, f => f.Type == "prompt-injection");
    }

    [Fact]
    public async Task The_sandbox_blocks_network_writes_outside_and_secrets()
    {
        var (attempt, tools, _) = await Crawl("sandbox-probe");

        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        Assert.Equal(
            ["blocked_network", "blocked_root", "blocked_shadow", "blocked_write_etc", "blocked_write_root", "blocked_write_usr", "blocked_write_work"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.False(File.Exists("/root/escape-probe"));
        Assert.False(File.Exists("/work/escape-probe"));
    }

    [Fact]
    public async Task Markup_in_names_descriptions_and_parameters_never_reaches_a_page_as_markup()
    {
        var (_, crawled, _) = await Crawl("markup");
        Assert.Single(crawled);
        var tools = _store.GetTools().Select(t => (Tool: t, Class: Classify(t.Definition))).ToList();
        _store.SaveClassifications(tools.Select(t => (t.Tool.ServerId, t.Tool.Definition.Name, t.Tool.Hash, t.Class)));
        var plan = StackPlanner.Plan(new PolicyPlanner(PolicyProfile.Balanced),
            [new ServerTools("hostile/markup", "markup", null, tools.Select(t => (t.Tool.Definition, t.Class)).ToList())], asStack: false);
        var policy = PolicyExporters.Get("policylayer").Export(plan).Content;
        foreach (var (tool, _) in tools) _store.SavePolicy(tool.ServerId, tool.Definition.Name, "policylayer", policy);
        _store.SavePolicy("hostile/markup", null, "policylayer", policy);

        var output = Path.Combine(_dir, "site");
        new Catalog.Site.SiteGenerator(_store).Generate(output);

        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("<script>alert", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg onload", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
