using Catalog.Cli.Commands;
using Catalog.Crawler;
using Catalog.Crawler.Http;
using Catalog.Crawler.Sources;
using Catalog.Data;
using Catalog.Data.Store;

namespace Catalog.Cli.Stages;

/// <summary>
/// Reads the selected sources, merges their records into servers (each source kept as provenance), crawls them, and
/// only then saves what the sources want remembered for their next, incremental read.
/// </summary>
internal static class SourcesStage
{
    public static async Task<CrawlSummary> RunAsync(CliConsole console, CatalogStore store, SourceSelection selection, CrawlOptions options,
        CancellationToken ct)
    {
        var sources = new MultiSource(store, selection, options.CacheDirectory);
        var byKind = new Dictionary<string, SourceRead>(StringComparer.Ordinal);
        foreach (var kind in selection.Kinds.Where(k => k != "github")) byKind[kind] = await sources.ReadAsync(kind, [], ct);
        // GitHub reads last: the repositories other sources name (awesome lists, directory pages) get its metadata and
        // tarballs too, so an awesome-list entry becomes a server with tools.
        if (selection.Kinds.Contains("github"))
        {
            byKind["github"] = await sources.ReadAsync("github", GitHubSource.ReposNamedBy(byKind.Values), ct);
        }
        var reads = selection.Kinds.Select(k => byKind[k]).ToList();
        var merged = SourceMerger.Merge(reads, store.ServerForKey);
        var crawl = SourceMerger.ToCrawl(merged, reads.SelectMany(r => r.Errors));
        var summary = await CrawlStage.RunAsync(console, store, crawl, selection.Label, options, ct);
        SourceMerger.Save(store, merged);
        foreach (var m in merged.Where(m => m.Withdrawn))
        {
            store.UpsertServer(m.Record.Server);
            store.RecordServerWithdrawn(summary.RunId, m.Record.Server.Id, "registry status deleted");
        }
        sources.CommitState(reads);
        console.Error.WriteLine($"sources: {string.Join(", ", reads.Select(r => $"{r.Source} {r.Records.Count}"))}; {merged.Count} servers after merging, {merged.Count(m => m.Withdrawn)} withdrawn");
        return summary;
    }

    /// <summary>
    /// Builds each source on one shared HTTP client and the store's conditional-request cache. GitHub gets a fetcher
    /// of its own, so its token is sent to the GitHub API and to no other host.
    /// </summary>
    private sealed class MultiSource(CatalogStore store, SourceSelection o, string cache)
    {
        private readonly HttpFetcher _http = Fetcher(store);

        /// <param name="moreRepos">GitHub repositories other sources named, read besides <c>--github-repos</c>.</param>
        public async Task<SourceRead> ReadAsync(string kind, IReadOnlyList<string> moreRepos, CancellationToken ct) => kind switch
        {
            "seed" => SourceRead.From("seed", SeedFileSource.Read(o.SeedPath)),
            "registry" => await new RegistrySource(_http, o.RegistryUrl, new RegistrySource.Settings
            {
                Limit = o.Limit,
                UpdatedSince = o.Limit == 0 ? store.GetSourceState(RegistrySource.StateKey(o.RegistryUrl), "updated_since") : null,
            }).ReadAsync(ct),
            "npm" => await new NpmSource(new NpmRegistry(_http, new Uri(Environment.GetEnvironmentVariable("NPM_CONFIG_REGISTRY") ?? NpmRegistry.DefaultUrl), cache),
                o.Packages).ReadAsync(ct),
            "github" => await new GitHubSource(
                new GitHubClient(Fetcher(store), o.GitHubApi, Environment.GetEnvironmentVariable("GITHUB_TOKEN")), cache,
                new GitHubSource.Settings { Query = string.IsNullOrWhiteSpace(o.GitHubQuery) ? null : o.GitHubQuery, Repos = [.. o.GitHubRepos, .. moreRepos], Limit = o.Limit })
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
