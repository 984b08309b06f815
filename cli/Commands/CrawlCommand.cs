using System.CommandLine;
using Catalog.Cli.Stages;
using Catalog.Crawler;
using Catalog.Crawler.Http;
using Catalog.Crawler.Sandbox;
using Catalog.Crawler.Sources;
using Catalog.Data;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

internal static class CrawlCommand
{
    private static readonly string[] Kinds = ["seed", "registry", "npm", "github", "awesome", "html"];

    public static Command Create(CliConsole console)
    {
        var seeds = CommonOptions.Seeds();
        var mcpConfig = new Option<string?>("--mcp-config") { Description = "An mcpServers config (Claude Desktop, Cursor, VS Code) to crawl instead of seeds" };
        var source = new Option<string[]>("--source")
        {
            Description = "Sources to read and merge: seed, registry, npm, github, awesome, html (repeat or comma-separate; default seed)",
            AllowMultipleArgumentsPerToken = true,
        };
        var registryUrl = new Option<string>("--registry-url") { Description = "The MCP Registry to read", DefaultValueFactory = _ => RegistrySource.DefaultUrl };
        var packages = new Option<string[]>("--packages") { Description = "npm packages for --source npm (name or name@version)", AllowMultipleArgumentsPerToken = true };
        var githubApi = new Option<string>("--github-api-url") { Description = "The GitHub REST API (GitHub Enterprise: https://host/api/v3); GITHUB_TOKEN is sent if set", DefaultValueFactory = _ => GitHubClient.DefaultApiUrl };
        var githubQuery = new Option<string>("--github-query") { Description = "Repository search for --source github (empty: only --github-repos)", DefaultValueFactory = _ => GitHubSource.DefaultQuery };
        var githubRepos = new Option<string[]>("--github-repos") { Description = "GitHub repositories (owner/repo) to read besides the search", AllowMultipleArgumentsPerToken = true };
        var awesomeUrl = new Option<string[]>("--awesome-url")
        {
            Description = "Awesome-list READMEs (URL or file) for --source awesome",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [AwesomeListSource.DefaultUrl],
        };
        var htmlUrl = new Option<string[]>("--html-url") { Description = "HTML directory pages for --source html", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "At most this many servers per source (0: no limit)" };
        var db = CommonOptions.Db();
        var concurrency = CommonOptions.Concurrency();
        var noSandbox = CommonOptions.NoSandbox();
        var cache = CommonOptions.Cache();
        var command = new Command("crawl", "Find servers in sources and record each one's tool list")
        {
            seeds, mcpConfig, source, registryUrl, packages, githubApi, githubQuery, githubRepos, awesomeUrl, htmlUrl, limit, db, concurrency, noSandbox, cache,
        };
        command.SetAction(async (parse, ct) =>
        {
            var seedPath = parse.GetValue(seeds);
            var configPath = parse.GetValue(mcpConfig);
            var kinds = (parse.GetValue(source) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            if (seedPath is not null && configPath is not null) throw new InputException("give either --seeds or --mcp-config, not both");
            if (kinds.FirstOrDefault(k => !Kinds.Contains(k)) is { } unknown)
                throw new InputException($"--source '{unknown}' is not available; use {string.Join(", ", Kinds)}");
            var htmlPages = Split(parse.GetValue(htmlUrl)).Select(u => Url(u, "--html-url")).ToList();
            if (kinds.Contains("html") && htmlPages.Count == 0) throw new InputException("--source html needs at least one --html-url");
            var options = Options(parse.GetValue(concurrency), parse.GetValue(noSandbox), parse.GetValue(cache)!);
            using var store = CatalogStore.Open(parse.GetValue(db)!);
            if (configPath is not null || kinds.Count == 0)
            {
                var (result, label) = configPath is not null
                    ? (McpConfigSource.Read(configPath), SourceLabels.For("mcp-config", configPath))
                    : Seeds(seedPath ?? CommonOptions.DefaultSeeds());
                return Exit(await CrawlStage.RunAsync(console, store, result, label, options, ct));
            }
            var sources = new MultiSource(store, new SourceOptions(options.CacheDirectory, seedPath ?? CommonOptions.DefaultSeeds(),
                Url(parse.GetValue(registryUrl)!, "--registry-url"), Split(parse.GetValue(packages)), parse.GetValue(limit),
                Url(parse.GetValue(githubApi)!, "--github-api-url"), parse.GetValue(githubQuery), Split(parse.GetValue(githubRepos)),
                Split(parse.GetValue(awesomeUrl)), htmlPages));
            var reads = new List<SourceRead>();
            foreach (var kind in kinds) reads.Add(await sources.ReadAsync(kind, ct));
            var merged = SourceMerger.Merge(reads, store.ServerForKey);
            var crawl = SourceMerger.ToCrawl(merged, reads.SelectMany(r => r.Errors));
            var summary = await CrawlStage.RunAsync(console, store, crawl, "sources:" + string.Join(",", kinds), options, ct);
            SourceMerger.Save(store, merged);
            foreach (var m in merged.Where(m => m.Withdrawn))
            {
                store.UpsertServer(m.Record.Server);
                store.RecordServerWithdrawn(summary.RunId, m.Record.Server.Id, "registry status deleted");
            }
            sources.CommitState(reads);
            console.Error.WriteLine($"sources: {string.Join(", ", reads.Select(r => $"{r.Source} {r.Records.Count}"))}; {merged.Count} servers after merging, {merged.Count(m => m.Withdrawn)} withdrawn");
            return Exit(summary);
        });
        return command;
    }

    public static (SourceResult, string) Seeds(string path) => (SeedFileSource.Read(path), SourceLabels.For("seed", path));

    public static CrawlOptions Options(int concurrency, bool noSandbox, string cache)
    {
        if (concurrency is < 1 or > 64) throw new InputException($"--concurrency must be 1 to 64, not {concurrency}");
        return new CrawlOptions { Concurrency = concurrency, CacheDirectory = cache, Sandbox = new SandboxOptions { Enabled = !noSandbox } };
    }

    public static int Exit(CrawlSummary summary) =>
        summary.Ok == 0 && summary.Servers - summary.AlreadyDone > 0 && summary.Failed > 0 ? ExitCodes.NothingCrawled : ExitCodes.Ok;

    private static Uri Url(string value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : throw new InputException($"{option}: '{value}' is not an http(s) URL");

    private static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>What the sources were asked to read.</summary>
    private sealed record SourceOptions(string Cache, string SeedPath, Uri RegistryUrl, IReadOnlyList<string> Packages, int Limit,
        Uri GitHubApi, string? GitHubQuery, IReadOnlyList<string> GitHubRepos, IReadOnlyList<string> AwesomeLists, IReadOnlyList<Uri> HtmlPages);

    /// <summary>
    /// Builds each source on one shared HTTP client and the store's conditional-request cache. GitHub gets a fetcher
    /// of its own, so its token is sent to the GitHub API and to no other host.
    /// </summary>
    private sealed class MultiSource(CatalogStore store, SourceOptions o)
    {
        private readonly HttpFetcher _http = Fetcher(store);

        public async Task<SourceRead> ReadAsync(string kind, CancellationToken ct) => kind switch
        {
            "seed" => SourceRead.From("seed", SeedFileSource.Read(o.SeedPath)),
            "registry" => await new RegistrySource(_http, o.RegistryUrl, new RegistrySource.Settings
            {
                Limit = o.Limit,
                UpdatedSince = o.Limit == 0 ? store.GetSourceState(RegistrySource.StateKey(o.RegistryUrl), "updated_since") : null,
            }).ReadAsync(ct),
            "npm" => await new NpmSource(new NpmRegistry(_http, new Uri(Environment.GetEnvironmentVariable("NPM_CONFIG_REGISTRY") ?? NpmRegistry.DefaultUrl), o.Cache),
                o.Packages).ReadAsync(ct),
            "github" => await new GitHubSource(
                new GitHubClient(Fetcher(store), o.GitHubApi, Environment.GetEnvironmentVariable("GITHUB_TOKEN")), o.Cache,
                new GitHubSource.Settings { Query = string.IsNullOrWhiteSpace(o.GitHubQuery) ? null : o.GitHubQuery, Repos = o.GitHubRepos, Limit = o.Limit })
                .ReadAsync(ct),
            "awesome" => await new AwesomeListSource(_http, o.AwesomeLists, new AwesomeListSource.Settings { Limit = o.Limit }).ReadAsync(ct),
            "html" => await new HtmlDirectorySource(_http, o.HtmlPages).ReadAsync(ct),
            _ => throw new InputException($"unknown source '{kind}'"),
        };

        /// <summary>Incremental marks are saved only after the crawl that used them finished.</summary>
        public void CommitState(IEnumerable<SourceRead> reads)
        {
            foreach (var r in reads.Where(r => r.Source == "registry"))
            {
                foreach (var (k, v) in r.State) store.SetSourceState(RegistrySource.StateKey(o.RegistryUrl), k, v);
            }
        }

        private static HttpFetcher Fetcher(CatalogStore store)
        {
            var http = new HttpFetcher(new HttpClient(), new HttpFetchOptions(), store);
            http.Headers["User-Agent"] = "mcp-risk-catalog/1.0 (+https://github.com/)";
            http.Headers["Accept"] = "application/json";
            return http;
        }
    }
}
