using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Api;
using Catalog.Site.Output;
using Catalog.Site.Pages;
using Catalog.Site.Policy;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>Everything one server's pages are made from, read from the store by the thread that builds them.</summary>
public sealed record ServerInput(
    Server Server,
    string Slug,
    string DisplayName,
    CrawlAttempt? Attempt,
    IReadOnlyList<SiteToolRow> Rows,
    SlugMap ToolSlugs,
    string? PolicyText,
    IReadOnlyList<(GatewayFormats.Format Format, IReadOnlyDictionary<string, string> Policies)> Formats,
    IReadOnlyList<(GatewayFormats.Format Format, string Content)> ServerFormats,
    IReadOnlyDictionary<string, List<SiteToolVersion>> History,
    IReadOnlyDictionary<string, (string Hash, string? Summary)> Stored);

/// <summary>What building one server produced; the generator takes these in catalog order.</summary>
public sealed record ServerOutput(
    SiteWriter.Batch Files,
    IReadOnlyList<(string Path, string Hash, string? Summary)> Pending,
    IReadOnlyList<(ToolSummary Summary, string Encoded, string Provenance)> Tools,
    IReadOnlyList<string> Pages,
    ServerSummary Summary,
    SlugMap ToolSlugs,
    IReadOnlyCollection<string> Warnings,
    bool Kept = false);

/// <summary>
/// Builds one server's pages: every tool page (with its JSON) and the server page (with its JSON and policy files).
/// A page whose input hash matches the stored one is kept without parsing or rendering anything. Pure over its
/// input, so servers are built in parallel; it touches the store never and the writer only through its batch.
/// </summary>
public sealed class ServerBuild(ServerInput input, SimilarIndex similar, SiteWriter writer, SiteOptions options)
{
    private readonly SortedSet<string> _warnings = new(StringComparer.Ordinal);

    public ServerOutput Run()
    {
        var server = input.Server;
        var slug = input.Slug;
        var rows = input.Rows;
        var files = writer.StartBatch();
        if (input.Stored.Count > 0)
        {
            // Each folder is listed once instead of asking for every kept file.
            files.ListFolder(SitePaths.ToolFolder(slug));
            files.ListFolder(SitePaths.ToolJsonFolder(slug));
        }
        // Parsed only when a page is rendered: most servers of an incremental run render nothing.
        var serverPolicy = new Lazy<PolicyDocument?>(() => ReadPolicy(input.PolicyText, null), LazyThreadSafetyMode.None);
        var siblings = rows.Select(r => new SiblingTool(r.Name, input.ToolSlugs[r.Name], r.Category)).ToList();
        var context = Context(siblings);

        var emptyServerView = new Lazy<ServerView>(() => new ServerView(server, slug, input.Attempt, [], serverPolicy.Value), LazyThreadSafetyMode.None);
        var pending = new List<(string, string, string?)>();
        var pages = new List<string>(rows.Count + 1);
        var views = new List<ToolView?>(rows.Count);
        var tools = new List<(ToolSummary, string, string)>(rows.Count);
        foreach (var row in rows)
        {
            var toolSlug = input.ToolSlugs[row.Name];
            var path = SitePaths.Tool(slug, toolSlug);
            var versions = input.History.GetValueOrDefault(row.Name) ?? [];
            var like = similar.For(server.Id, row.Name, row.Category);
            var formats = input.Formats.Where(f => f.Policies.ContainsKey(row.Name)).Select(f => (f.Format, Content: f.Policies[row.Name])).ToList();
            string hash;
            using (var h = new InputHash())
            {
                h.Add(context).Add(row.Hash).Add(row.Definition).Add(row.Classification).Add(row.Policy).Add(row.Provenance).Add(row.FirstSeen);
                foreach (var v in versions) h.Add(v.Hash).Add(v.FirstSeen.ToString("O")).Add(v.Definition is null ? "1" : "n");
                foreach (var t in like) h.Add(t.ServerName).Add(t.ServerSlug).Add(t.Name).Add(t.Slug).Add(t.Category);
                foreach (var f in formats) h.Add(f.Format.Name).Add(f.Content);
                hash = h.Finish();
            }
            string[] outputs = [path, SitePaths.ToolJson(slug, toolSlug)];
            ToolSummary summary;
            string encoded;
            if (input.Stored.TryGetValue(path, out var was) && was.Hash == hash && was.Summary is not null && files.KeepAll(outputs))
            {
                encoded = was.Summary;
                summary = ToolSummary.Decode(encoded);
                views.Add(null); // parsed only if the server page needs it
            }
            else
            {
                var view = new ToolView(CatalogStore.ToCatalogTool(row), toolSlug, ReadPolicy(row.Policy, row.Name));
                var toolVersions = versions.Select(v => new ToolVersion(v.Hash, v.Definition is null ? null : CatalogStore.ParseDefinition(v.Definition), v.FirstSeen, v.LastSeen)).ToList();
                var page = new ToolPage(view, emptyServerView.Value, toolVersions, siblings, like, formats);
                files.Write(page.Path, page.Render(options));
                files.Write(SitePaths.ToolJson(slug, toolSlug), JsonMirror.Tool(view, emptyServerView.Value, formats));
                CheckConsistency(emptyServerView.Value, view);
                var c = view.Classification;
                summary = new ToolSummary(server.Id, input.DisplayName, slug, view.Name, toolSlug, c?.Category, c?.Risk, c?.Tags ?? [],
                    c?.Findings.Count ?? 0, Rendering.Html.Truncate(Text.ToolProse.OneLine(view.Tool.Definition.Description), 160));
                encoded = summary.Encode();
                pending.Add((path, hash, encoded));
                views.Add(view);
            }
            pages.Add(path);
            tools.Add((summary, encoded, row.Provenance));
        }

        var serverPath = ServerPage(files, serverPolicy, context, views, pending);
        pages.Add(serverPath);
        return new ServerOutput(files, pending, tools, pages, Summarize(server, input.DisplayName, slug, tools, input.Attempt), input.ToolSlugs, _warnings);
    }

    /// <summary>
    /// The server page alone, for a server whose tool rows did not change since <paramref name="record"/> was made (only
    /// its crawl attempt did): its tool pages are kept as the record lists them and nothing of a tool is parsed. The
    /// input's rows need no definitions. Null when a kept file is missing or the rows are not the record's tools.
    /// </summary>
    internal ServerOutput? RunServerPage(ServerRecord.Contents record)
    {
        var (server, slug, rows) = (input.Server, input.Slug, input.Rows);
        if (rows.Count != record.Tools.Count || rows.Where((r, i) => r.Name != record.Tools[i].Summary.Name).Any()) return null;
        var files = writer.StartBatch();
        files.ListFolder(SitePaths.ToolFolder(slug));
        files.ListFolder(SitePaths.ToolJsonFolder(slug));
        if (!files.KeepAll(record.ToolFiles)) return null;
        var serverPolicy = new Lazy<PolicyDocument?>(() => ReadPolicy(input.PolicyText, null), LazyThreadSafetyMode.None);
        var context = Context(rows.Select(r => new SiblingTool(r.Name, input.ToolSlugs[r.Name], r.Category)));
        var pending = new List<(string, string, string?)>();
        List<string> pages = [.. record.Tools.Select(t => SitePaths.Tool(slug, t.Summary.Slug))];
        pages.Add(ServerPage(files, serverPolicy, context, [.. rows.Select(_ => (ToolView?)null)], pending));
        _warnings.UnionWith(record.Warnings);
        return new ServerOutput(files, pending, record.Tools, pages, Summarize(server, input.DisplayName, slug, record.Tools, input.Attempt),
            input.ToolSlugs, _warnings, Kept: true);
    }

    /// <summary>The hash of what every page of the server shows of it and of its tools' names and categories.</summary>
    private string Context(IEnumerable<SiblingTool> siblings)
    {
        using var h = new InputHash();
        AddServer(h, input.Server, input.Slug);
        h.Add(options.BaseUrl).Add(input.PolicyText);
        foreach (var s in siblings) h.Add(s.Name).Add(s.Slug).Add(s.Category);
        return h.Finish();
    }

    /// <summary>What the server page shows of a crawl attempt, as one text (the date without its time).</summary>
    internal static string? AttemptText(CrawlAttempt? attempt) =>
        attempt is null ? null : $"{attempt.Status}|{attempt.Error}|{attempt.DurationMs}|{attempt.ToolCount}|{attempt.Provenance}|{attempt.At:yyyy-MM-dd}";

    /// <summary>The server page, its JSON and its policy file, with their own hash over what they show.</summary>
    private string ServerPage(SiteWriter.Batch files, Lazy<PolicyDocument?> serverPolicy, string context, List<ToolView?> views, List<(string, string, string?)> pending)
    {
        var (server, slug, rows, attempt) = (input.Server, input.Slug, input.Rows, input.Attempt);
        string serverHash;
        using (var h = new InputHash())
        {
            h.Add(context).Add(AttemptText(attempt));
            // What a list of tools shows of each, not the whole classification: a new description or rationale
            // rewrites the tool's page, not its server's.
            foreach (var row in rows) h.Add(row.Name).Add(row.Listing).Add(row.Provenance);
            foreach (var f in input.ServerFormats) h.Add(f.Format.Name).Add(f.Content);
            serverHash = h.Finish();
        }
        var serverPath = SitePaths.Server(slug);
        var serverFiles = new List<string> { serverPath, SitePaths.ServerJson(slug) };
        // A stored policy that does not parse has no file, so such a page is never kept and renders again (with its warning).
        if (input.PolicyText is not null) serverFiles.Add(SitePaths.ServerPolicy(slug));
        serverFiles.AddRange(input.ServerFormats.Select(f => SitePaths.ServerFormat(slug, f.Format)));
        if (input.Stored.TryGetValue(serverPath, out var was) && was.Hash == serverHash && files.KeepAll(serverFiles)) return serverPath;

        // Tools whose pages were kept are not parsed whole: the server page lists names and classifications only.
        var tools = rows.Select((row, i) => views[i] ?? new ToolView(CatalogStore.ToListedTool(row), input.ToolSlugs[row.Name], null)).ToList();
        var view = new ServerView(server, slug, attempt, tools, serverPolicy.Value);
        var page = new ServerPage(view, input.ServerFormats);
        files.Write(page.Path, page.Render(options));
        files.Write(SitePaths.ServerJson(slug), JsonMirror.Server(view));
        if (serverPolicy.Value is { } sp) files.Write(SitePaths.ServerPolicy(slug), JsonMirror.PolicyFile(sp));
        foreach (var (format, content) in input.ServerFormats) files.Write(SitePaths.ServerFormat(slug, format), content);
        pending.Add((serverPath, serverHash, null));
        return serverPath;
    }

    /// <summary>The server's row in the index and stats: its tool count and how many tools are in each class.</summary>
    internal static ServerSummary Summarize(Server server, string displayName, string slug, IReadOnlyList<(ToolSummary Summary, string Encoded, string Provenance)> tools, CrawlAttempt? attempt)
    {
        var byRisk = tools.Where(t => t.Summary.Risk is not null).GroupBy(t => t.Summary.Risk!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new ServerSummary(server.Id, displayName, slug, tools.Count, byRisk, attempt);
    }

    private static void AddServer(InputHash h, Server s, string slug)
    {
        h.Add(s.Id).Add(slug).Add(s.Name).Add(s.Title).Add(s.Description).Add(s.Version).Add(s.RepositoryUrl).Add(s.WebsiteUrl).Add(s.Source);
        foreach (var p in s.Packages) h.Add(p.RegistryType).Add(p.Identifier).Add(p.Version).Add(p.Transport);
    }

    private PolicyDocument? ReadPolicy(string? text, string? tool)
    {
        var policy = PolicyDocument.Parse(text);
        if (text is not null && policy is null)
            _warnings.Add($"{input.Server.Id}{(tool is null ? "" : " / " + tool)}: stored {SiteGenerator.PolicyFormat} policy is not a JSON object; shown as missing.");
        return policy;
    }

    /// <summary>The tool page and the server page must not recommend two different things for one tool.</summary>
    private void CheckConsistency(ServerView server, ToolView tool)
    {
        if (tool.Classification is { } c && RiskTable.Classify(c.Category, c.Tags) != c.Risk)
            _warnings.Add($"{server.Server.Id} / {tool.Name}: stored class {c.Risk} is not what the risk table gives; the page omits the table explanation.");
        if (tool.Policy is null || server.Policy is null) return;
        if (!tool.Policy.RuleFor(tool.Name).SameEffect(server.Policy.RuleFor(tool.Name)))
            _warnings.Add($"{server.Server.Id} / {tool.Name}: the tool policy and the server policy treat this tool differently.");
    }
}
