using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Api;
using Catalog.Site.Assets;
using Catalog.Site.Build;
using Catalog.Site.Output;
using Catalog.Site.Pages;
using Catalog.Site.Policy;
using Catalog.Site.Views;

namespace Catalog.Site;

/// <summary>
/// Generates the static site from the catalog store.
/// <list type="bullet">
/// <item>Deterministic: same store, same bytes (no build time or random order reaches a page).</item>
/// <item>Incremental: every tool page (with its JSON and policy file), server page and browse page has an input hash
/// kept in the store; a page whose inputs did not change is neither parsed nor rendered again. <c>full</c> renders
/// everything; in both cases a file is written only when its bytes change.</item>
/// <item>Streaming: one server's tools are in memory at a time; the browse lists, search index and sitemap are built
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
            var report = Run(writer, site, full);
            writer.Publish();
            _store.CommitSitePageHashes(site, full);
            return report with { FilesWritten = writer.FilesWritten, FilesUnchanged = writer.FilesUnchanged, FilesDeleted = writer.FilesDeleted };
        }
        catch
        {
            writer.Abort();
            _store.DiscardPendingSitePageHashes(site);
            throw;
        }
    }

    private SiteReport Run(SiteWriter writer, string site, bool full)
    {
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        var attempts = _store.LatestAttempts();
        var servers = _store.GetServers().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var serverSlugs = new SlugMap(servers.Select(s => s.Id));
        var serverNames = servers.ToDictionary(s => s.Id, s => (Name: DisplayName(s), Slug: serverSlugs[s.Id]), StringComparer.Ordinal);
        var similar = SimilarIndex.Build(_store.GetSiteToolKeys(), serverNames);
        var events = _store.GetRecentEvents(RecentEvents);
        var eventServers = events.Select(e => e.ServerId).ToHashSet(StringComparer.Ordinal);
        var eventToolSlugs = new Dictionary<string, SlugMap>(StringComparer.Ordinal);
        var stats = new SiteStats();
        var serverSummaries = new List<ServerSummary>();
        var toolPages = 0;

        using var pages = new PageList(writer.ScratchFile("pages"));
        using var spill = new StreamWriter(writer.ScratchFile("summaries"), false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };

        foreach (var server in servers)
        {
            var slug = serverSlugs[server.Id];
            var attempt = attempts.GetValueOrDefault(server.Id);
            var rows = _store.GetSiteToolRows(server.Id, PolicyFormat).ToList();
            var toolSlugs = new SlugMap(rows.Select(r => r.Name));
            if (eventServers.Contains(server.Id)) eventToolSlugs[server.Id] = toolSlugs;
            var serverPolicyText = _store.GetPolicy(server.Id, null, PolicyFormat);
            var formatPolicies = GatewayFormats.Others.Select(f => (Format: f, Policies: _store.GetToolPolicies(server.Id, f.Name))).ToList();
            var serverPolicy = ReadPolicy(serverPolicyText, server.Id, null, warnings);
            var siblings = rows.Select(r => new SiblingTool(r.Name, toolSlugs[r.Name], r.Category)).ToList();
            var history = _store.GetServerHistory(server.Id).GroupBy(v => v.ToolName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var stored = full ? [] : _store.GetSitePageHashes(site, $"tools/{slug}/");
            var storedServer = full ? [] : _store.GetSitePageHashes(site, SitePaths.Server(slug));

            string context;
            using (var h = new InputHash())
            {
                AddServer(h, server, slug);
                h.Add(_options.BaseUrl).Add(serverPolicyText);
                foreach (var s in siblings) h.Add(s.Name).Add(s.Slug).Add(s.Category);
                context = h.Finish();
            }

            var emptyServerView = new ServerView(server, slug, attempt, [], serverPolicy);
            var pending = new List<(string, string, string?)>();
            var views = new List<ToolView>(rows.Count);
            var summaries = new List<ToolSummary>(rows.Count);
            foreach (var row in rows)
            {
                var toolSlug = toolSlugs[row.Name];
                var path = SitePaths.Tool(slug, toolSlug);
                var versions = history.GetValueOrDefault(row.Name) ?? [];
                var like = similar.For(server.Id, row.Name, row.Category);
                var formats = formatPolicies.Where(f => f.Policies.ContainsKey(row.Name)).Select(f => (f.Format, Content: f.Policies[row.Name])).ToList();
                string hash;
                using (var h = new InputHash())
                {
                    h.Add(context).Add(row.Hash).Add(row.Definition).Add(row.Classification).Add(row.Policy).Add(row.Provenance).Add(row.FirstSeen);
                    foreach (var v in versions) h.Add(v.Hash).Add(v.FirstSeen.ToString("O")).Add(v.Definition is null ? "1" : "n");
                    foreach (var t in like) h.Add(t.ServerName).Add(t.ServerSlug).Add(t.Name).Add(t.Slug).Add(t.Category);
                    foreach (var f in formats) h.Add(f.Format.Name).Add(f.Content);
                    hash = h.Finish();
                }
                var files = new[] { path, SitePaths.ToolJson(slug, toolSlug), row.Policy is null ? null : SitePaths.ToolPolicy(slug, toolSlug) }
                    .Where(f => f is not null).Cast<string>().Concat(formats.Select(f => SitePaths.ToolFormat(slug, toolSlug, f.Format))).ToArray();
                ToolSummary summary;
                if (stored.TryGetValue(path, out var was) && was.Hash == hash && was.Summary is not null && writer.AllExist(files))
                {
                    foreach (var f in files) writer.Keep(f);
                    summary = ToolSummary.Decode(was.Summary);
                    views.Add(null!); // parsed only if the server page needs it
                }
                else
                {
                    var view = new ToolView(CatalogStore.ToCatalogTool(row), toolSlug, ReadPolicy(row.Policy, server.Id, row.Name, warnings));
                    var toolVersions = versions.Select(v => new ToolVersion(v.Hash, v.Definition is null ? null : CatalogStore.ParseDefinition(v.Definition), v.FirstSeen, v.LastSeen)).ToList();
                    var page = new ToolPage(view, emptyServerView, toolVersions, siblings, like, formats);
                    writer.Write(page.Path, page.Render(_options));
                    writer.Write(SitePaths.ToolJson(slug, toolSlug), JsonMirror.Tool(view, emptyServerView));
                    if (view.Policy is { } policy) writer.Write(SitePaths.ToolPolicy(slug, toolSlug), JsonMirror.PolicyFile(policy));
                    foreach (var (format, content) in formats) writer.Write(SitePaths.ToolFormat(slug, toolSlug, format), content);
                    CheckConsistency(emptyServerView, view, warnings);
                    var c = view.Classification;
                    summary = new ToolSummary(server.Id, serverNames[server.Id].Name, slug, view.Name, toolSlug, c?.Category, c?.Risk, c?.Tags ?? [],
                        c?.Findings.Count ?? 0, Rendering.Html.Truncate(Text.ToolProse.OneLine(view.Tool.Definition.Description), 160));
                    pending.Add((path, hash, summary.Encode()));
                    views.Add(view);
                }
                pages.Add(path);
                spill.WriteLine(summary.Encode());
                stats.Add(summary, row.Provenance);
                summaries.Add(summary);
                toolPages++;
            }

            // The server page: its own hash over what it shows.
            string serverHash;
            using (var h = new InputHash())
            {
                h.Add(context).Add(attempt is null ? null : $"{attempt.Status}|{attempt.Error}|{attempt.DurationMs}|{attempt.ToolCount}|{attempt.Provenance}|{attempt.At:yyyy-MM-dd}");
                foreach (var row in rows) h.Add(row.Name).Add(row.Classification).Add(row.Provenance);
                serverHash = h.Finish();
            }
            var serverPath = SitePaths.Server(slug);
            var serverFiles = new[] { serverPath, SitePaths.ServerJson(slug), serverPolicy is null ? null : SitePaths.ServerPolicy(slug) }
                .Where(f => f is not null).Cast<string>().ToArray();
            if (storedServer.TryGetValue(serverPath, out var sw) && sw.Hash == serverHash && writer.AllExist(serverFiles))
            {
                foreach (var f in serverFiles) writer.Keep(f);
            }
            else
            {
                for (var i = 0; i < rows.Count; i++)
                    views[i] ??= new ToolView(CatalogStore.ToCatalogTool(rows[i]), toolSlugs[rows[i].Name], ReadPolicy(rows[i].Policy, server.Id, rows[i].Name, warnings));
                var view = new ServerView(server, slug, attempt, views, serverPolicy);
                var serverPage = new ServerPage(view);
                writer.Write(serverPage.Path, serverPage.Render(_options));
                writer.Write(SitePaths.ServerJson(slug), JsonMirror.Server(view));
                if (serverPolicy is { } sp) writer.Write(SitePaths.ServerPolicy(slug), JsonMirror.PolicyFile(sp));
                pending.Add((serverPath, serverHash, null));
            }
            pages.Add(serverPath);
            _store.SavePendingSitePageHashes(site, pending);

            var byRisk = summaries.Where(t => t.Risk is not null).GroupBy(t => t.Risk!.Value).ToDictionary(g => g.Key, g => g.Count());
            serverSummaries.Add(new ServerSummary(server.Id, serverNames[server.Id].Name, slug, rows.Count, byRisk, attempt));
            stats.AddServer(attempt);
        }
        spill.Dispose();

        var browse = new BrowseBuilder(writer, _store, site, full, stats, _options, pages);
        foreach (var line in File.ReadLines(writer.ScratchFile("summaries"))) browse.Add(ToolSummary.Decode(line));
        browse.Finish();
        SearchIndex.Write(writer, _store, site, full, serverSummaries, writer.ScratchFile("summaries"));

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

        return new SiteReport(toolPages, servers.Count, writer.FilesWritten, writer.FilesUnchanged, writer.FilesDeleted, warnings.ToList());
    }

    private static string DisplayName(Server s) => string.IsNullOrWhiteSpace(s.Title) ? s.Name : s.Title!;

    private static void AddServer(InputHash h, Server s, string slug)
    {
        h.Add(s.Id).Add(slug).Add(s.Name).Add(s.Title).Add(s.Description).Add(s.Version).Add(s.RepositoryUrl).Add(s.WebsiteUrl).Add(s.Source);
        foreach (var p in s.Packages) h.Add(p.RegistryType).Add(p.Identifier).Add(p.Version).Add(p.Transport);
    }

    private static PolicyDocument? ReadPolicy(string? text, string serverId, string? tool, SortedSet<string> warnings)
    {
        var policy = PolicyDocument.Parse(text);
        if (text is not null && policy is null)
            warnings.Add($"{serverId}{(tool is null ? "" : " / " + tool)}: stored {PolicyFormat} policy is not a JSON object; shown as missing.");
        return policy;
    }

    /// <summary>The tool page and the server page must not recommend two different things for one tool.</summary>
    private static void CheckConsistency(ServerView server, ToolView tool, SortedSet<string> warnings)
    {
        if (tool.Classification is { } c && RiskTable.Classify(c.Category, c.Tags) != c.Risk)
            warnings.Add($"{server.Server.Id} / {tool.Name}: stored class {c.Risk} is not what the risk table gives; the page omits the table explanation.");
        if (tool.Policy is null || server.Policy is null) return;
        if (!tool.Policy.RuleFor(tool.Name).SameEffect(server.Policy.RuleFor(tool.Name)))
            warnings.Add($"{server.Server.Id} / {tool.Name}: the tool policy and the server policy treat this tool differently.");
    }
}
