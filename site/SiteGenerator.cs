using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Api;
using Catalog.Site.Assets;
using Catalog.Site.Build;
using Catalog.Site.Output;
using Catalog.Site.Pages;
using Catalog.Site.Policy;
using Catalog.Site.Search;
using Catalog.Site.Views;

namespace Catalog.Site;

/// <summary>
/// Generates the static site from the catalog store.
/// <list type="bullet">
/// <item>Deterministic: same store, same bytes (no build time or random order reaches a page).</item>
/// <item>Incremental: every tool page (with its JSON), server page and browse page has an input hash
/// kept in the store; a page whose inputs did not change is neither parsed nor rendered again. <c>full</c> renders
/// everything; in both cases a file is written only when its bytes change.</item>
/// <item>Parallel and streaming: servers are built on every core, a bounded window of them at a time, and taken back
/// in catalog order, so the output does not depend on thread timing; the browse lists, search index and sitemap are built
/// from rows spilled to disk; only counters and per-server totals are kept for the whole catalog.</item>
/// <item>Atomic: changed files are staged beside the site and moved into place only when the whole run succeeded.</item>
/// </list>
/// </summary>
public sealed class SiteGenerator
{
    /// <summary>The format name the classify stage stores PolicyLayer documents under.</summary>
    public const string PolicyFormat = "policylayer";

    public const int PageSize = 100;
    public const int RecentEvents = 200;

    /// <summary>Servers being built at once: enough to keep every core busy, few enough that memory stays flat.</summary>
    private static readonly int Window = Environment.ProcessorCount * 4;

    private readonly CatalogStore _store;
    private readonly SiteOptions _options;

    public SiteGenerator(CatalogStore store, SiteOptions? options = null)
    {
        _store = store;
        _options = options ?? new SiteOptions();
        _options = _options with { BaseUrl = _options.NormalizedBaseUrl };
    }

    public SiteReport Generate(string outDir, bool full = false)
    {
        var writer = new SiteWriter(outDir);
        var site = writer.Root;
        try
        {
            _store.DiscardPendingSitePageHashes(site);
            var stages = new Stages();
            var report = Run(writer, site, full, stages);
            writer.Publish();
            _store.CommitSitePageHashes(site, full);
            stages.End("publish");
            return report with { FilesWritten = writer.FilesWritten, FilesUnchanged = writer.FilesUnchanged, FilesDeleted = writer.FilesDeleted, Stages = stages.All };
        }
        catch
        {
            writer.Abort();
            _store.DiscardPendingSitePageHashes(site);
            throw;
        }
    }

    private SiteReport Run(SiteWriter writer, string site, bool full, Stages stages)
    {
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        var attempts = _store.LatestAttempts();
        var servers = _store.GetServers().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var serverSlugs = new SlugMap(servers.Select(s => s.Id));
        var serverNames = servers.ToDictionary(s => s.Id, s => (Name: DisplayName(s), Slug: serverSlugs[s.Id]), StringComparer.Ordinal);
        var similar = SimilarIndex.Build(_store.GetSiteToolKeys(), serverNames);
        var stamps = _store.GetSiteStamps();
        var events = _store.GetRecentEvents(RecentEvents);
        var eventServers = events.Select(e => e.ServerId).ToHashSet(StringComparer.Ordinal);
        var eventToolSlugs = new Dictionary<string, SlugMap>(StringComparer.Ordinal);
        var stats = new SiteStats();
        var serverSummaries = new List<ServerSummary>();
        var (toolPages, serversKept) = (0, 0);
        stages.End("setup");

        using var pages = new PageList(writer.ScratchFile("pages"));
        using var spill = new StreamWriter(writer.ScratchFile("summaries"), false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };

        // Servers are read and built on the thread pool, each thread with its own read-only connection, and taken back
        // in catalog order; at most Window are in flight.
        var inFlight = new Queue<Task<ServerOutput>>();
        using var readers = new Readers(_store);
        void TakeOldest()
        {
            using var oldest = inFlight.Dequeue();
            // A plain blocking wait: Task.Wait spins first, and on a two-core machine the spinning thread takes turns
            // from the builders it is waiting for.
            if (!oldest.IsCompleted) ((IAsyncResult)oldest).AsyncWaitHandle.WaitOne();
            var done = oldest.GetAwaiter().GetResult();
            if (eventServers.Contains(done.Summary.Id)) eventToolSlugs[done.Summary.Id] = done.ToolSlugs;
            writer.Commit(done.Files);
            foreach (var (summary, encoded, provenance) in done.Tools)
            {
                spill.WriteLine(encoded);
                stats.Add(summary, provenance);
            }
            foreach (var page in done.Pages) pages.Add(page);
            _store.SavePendingSitePageHashes(site, done.Pending);
            warnings.UnionWith(done.Warnings);
            serverSummaries.Add(done.Summary);
            stats.AddServer(done.Summary.Attempt);
            toolPages += done.Tools.Count;
            if (done.Kept) serversKept++;
        }
        try
        {
            foreach (var server in servers)
            {
                var (names, attempt) = (serverNames[server.Id], attempts.GetValueOrDefault(server.Id));
                var key = stamps.TryGetValue(server.Id, out var stamp) ? KeepKey(stamp, server, names, similar) : null;
                var mayKeep = key is not null && !full;
                inFlight.Enqueue(Task.Run(() =>
                {
                    var reader = readers.ForThisThread;
                    ServerOutput? built = null;
                    if (mayKeep && ServerRecord.Read(reader, site, names.Slug, key!) is { } record)
                    {
                        // Its tools did not change: kept whole, or only the server page again when the last crawl did.
                        if (record.Attempt == ServerRecord.AttemptLine(attempt) && ServerRecord.Keep(writer, record, server, names, attempt) is { } kept) return kept;
                        built = new ServerBuild(Load(reader, server, names, attempt, site, full, tools: false), similar, writer, _options).RunServerPage(record);
                    }
                    built ??= new ServerBuild(Load(reader, server, names, attempt, site, full, tools: true), similar, writer, _options).Run();
                    if (key is null) return built;
                    // A record that cannot be made replaces the old one with one that matches no key.
                    var made = ServerRecord.Of(built);
                    return built with { Pending = [.. built.Pending, (ServerRecord.Path(names.Slug), made is null ? "" : key, made)] };
                }));
                if (inFlight.Count >= Window) TakeOldest();
            }
            while (inFlight.Count > 0) TakeOldest();
        }
        catch
        {
            // No build may still be writing into the staging folder (or reading the store) when the caller removes it.
            try
            {
                Task.WaitAll(inFlight);
            }
            catch (AggregateException)
            {
                // the first failure is the one reported
            }
            throw;
        }
        spill.Dispose();
        stages.End("servers");

        // The lists and the search index are made from the tool rows and the servers only: when none of them changed,
        // both are kept whole without reading a row back (at a million tools, most of an incremental run otherwise).
        var rows = writer.ScratchFile("summaries");
        var listing = ListingHash(serverSummaries, rows);
        var (storedListing, storedFiles) = full ? default : _store.GetSitePageHashes(site, ListingKey).GetValueOrDefault(ListingKey);
        var unchanged = storedListing == listing;
        var browse = new BrowseBuilder(writer, _store, site, full, stats, _options, pages);
        var keepLists = unchanged && browse.KeepWhole();
        IReadOnlyList<string> searchFiles = storedFiles?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var index = unchanged && SearchIndex.KeepWhole(writer, searchFiles) ? null : new SearchFiles(writer, _store, site, full);
        // Otherwise the two are written side by side; only this thread touches the store and the manifest.
        var building = new List<Task>();
        if (!keepLists)
        {
            building.Add(Task.Run(() =>
            {
                foreach (var line in File.ReadLines(rows)) browse.Add(ToolSummary.Decode(line));
                browse.Finish();
            }));
        }
        if (index is not null) building.Add(Task.Run(() => SearchIndex.Build(writer, index, serverSummaries, rows)));
        Task.WaitAll(building);
        if (!keepLists) browse.Commit();
        if (index is not null) searchFiles = index.Finish();
        _store.SavePendingSitePageHashes(site, [(ListingKey, listing, string.Join('\n', searchFiles))]);
        stages.End("lists and search index");

        writer.Write(SitePaths.Index, IndexPage.Render(serverSummaries, stats.ByRisk, stats.Tools, stats.Classified, _options));
        writer.Write(SitePaths.ApiIndex, JsonMirror.Index(serverSummaries, stats.Tools, stats.ByRisk));
        pages.Add(SitePaths.Index);
        writer.Write(SitePaths.Stats, StatsPage.Render(stats, serverSummaries, _options));
        pages.Add(SitePaths.Stats);
        var changes = ChangesPage.Resolve(events, serverNames, eventToolSlugs);
        writer.Write(SitePaths.Changes, ChangesPage.Render(changes, _options));
        writer.Write(SitePaths.ChangesFeed, ChangesPage.Atom(changes, _options));
        pages.Add(SitePaths.Changes);
        writer.Write(SitePaths.Methodology, MethodologyPage.Render(_options));
        pages.Add(SitePaths.Methodology);
        writer.Write(SitePaths.NotFound, SupportFiles.NotFound(_options));
        writer.Write("robots.txt", SupportFiles.Robots(_options));
        SupportFiles.Sitemaps(writer, pages.Finish(), _options);
        writer.Write(SitePaths.Css, SiteAssets.Css);
        writer.Write(SitePaths.Js, SiteAssets.Js);
        writer.Write(SitePaths.Icon, SiteAssets.Icon);

        stages.End("other pages");
        return new SiteReport(toolPages, servers.Count, writer.FilesWritten, writer.FilesUnchanged, writer.FilesDeleted, warnings.ToList()) { ServersKept = serversKept };
    }

    /// <summary>
    /// What a server's files are made from, short of reading its rows: its stamp (which the store replaces whenever one
    /// of those rows changes), its names, the base URL and the "similar tools" its tools are shown.
    /// </summary>
    private string KeepKey(long stamp, Server server, (string Name, string Slug) names, SimilarIndex similar)
    {
        using var h = new InputHash();
        return h.Add(stamp.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add(server.Id).Add(names.Slug).Add(names.Name)
            .Add(_options.BaseUrl).Add(similar.DigestOf(server.Id)).Finish();
    }

    /// <summary>The stored record of what the lists and search index were made from; its summary lists the index's files.</summary>
    private const string ListingKey = ".listing";

    private string ListingHash(IReadOnlyList<ServerSummary> servers, string rows)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        using (var h = new InputHash())
        {
            h.Add(_options.BaseUrl).Add(SearchIndex.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add(SearchIndex.Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var s in servers) h.Add(s.Id).Add(s.Slug).Add(s.Name);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(h.Finish()));
        }
        using (var file = File.OpenRead(rows))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = file.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>One read-only connection per thread that builds servers, all closed together.</summary>
    private sealed class Readers(CatalogStore store) : IDisposable
    {
        private readonly ThreadLocal<CatalogStore> _connections = new(store.OpenReader, trackAllValues: true);

        public CatalogStore ForThisThread => _connections.Value!;

        public void Dispose()
        {
            foreach (var connection in _connections.Values) connection.Dispose();
            _connections.Dispose();
        }
    }

    /// <summary>Times the stages of one run.</summary>
    private sealed class Stages
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<(string, TimeSpan)> _all = [];
        private TimeSpan _last;

        public IReadOnlyList<(string Stage, TimeSpan Time)> All => _all;

        public void End(string stage)
        {
            var now = _clock.Elapsed;
            _all.Add((stage, now - _last));
            _last = now;
        }
    }

    private static string DisplayName(Server s) => string.IsNullOrWhiteSpace(s.Title) ? s.Name : s.Title!;

    /// <summary>
    /// Reads one server's rows, policies, history and stored page hashes through one thread's connection; without
    /// <paramref name="tools"/>, only what its server page needs (no definitions, tool policies, history or tool page hashes).
    /// </summary>
    private static ServerInput Load(CatalogStore store, Server server, (string Name, string Slug) names, CrawlAttempt? attempt, string site, bool full, bool tools)
    {
        var rows = (tools ? store.GetSiteToolRows(server.Id, PolicyFormat) : store.GetSiteListingRows(server.Id)).ToList();
        var policies = store.GetServerPolicies(server.Id, PolicyFormat, serverWideOnly: !tools).ToLookup(p => p.Format, StringComparer.Ordinal);
        var formats = GatewayFormats.Others.Select(f => (Format: f, Policies: (IReadOnlyDictionary<string, string>)policies[f.Name]
            .Where(p => p.Tool.Length > 0).ToDictionary(p => p.Tool, p => p.Content, StringComparer.Ordinal))).ToList();
        var serverFormats = GatewayFormats.Others.SelectMany(f => policies[f.Name].Where(p => p.Tool.Length == 0).Select(p => (f, p.Content))).ToList();
        var history = !tools ? [] : store.GetServerHistory(server.Id).GroupBy(v => v.ToolName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var stored = full || !tools ? [] : store.GetSitePageHashes(site, $"tools/{names.Slug}/");
        if (!full) foreach (var (path, was) in store.GetSitePageHashes(site, SitePaths.Server(names.Slug))) stored[path] = was;
        return new ServerInput(server, names.Slug, names.Name, attempt, rows, new SlugMap(rows.Select(r => r.Name)),
            store.GetPolicy(server.Id, null, PolicyFormat), formats, serverFormats, history, stored);
    }
}
