using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Api;
using Catalog.Site.Assets;
using Catalog.Site.Output;
using Catalog.Site.Pages;
using Catalog.Site.Policy;
using Catalog.Site.Views;

namespace Catalog.Site;

/// <summary>
/// Generates the static site from the catalog store. Output is deterministic (same store, same bytes) and
/// incremental (a file is rewritten only when its bytes change; files of removed tools are deleted).
/// </summary>
public sealed class SiteGenerator
{
    /// <summary>The format name the classify stage stores PolicyLayer documents under.</summary>
    public const string PolicyFormat = "policylayer";

    private readonly CatalogStore _store;
    private readonly SiteOptions _options;

    public SiteGenerator(CatalogStore store, SiteOptions? options = null)
    {
        _store = store;
        _options = options ?? new SiteOptions();
        _options = _options with { BaseUrl = _options.NormalizedBaseUrl };
    }

    public SiteReport Generate(string outDir)
    {
        var writer = new SiteWriter(outDir);
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        var pages = new List<string>();
        var attempts = _store.LatestAttempts();
        var servers = _store.GetServers().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var serverSlugs = new SlugMap(servers.Select(s => s.Id));
        var summaries = new List<ToolSummary>();
        var serverSummaries = new List<ServerSummary>();
        var toolPages = 0;

        foreach (var server in servers)
        {
            var view = LoadServer(server, serverSlugs[server.Id], attempts.GetValueOrDefault(server.Id), warnings);
            foreach (var tool in view.Tools)
            {
                var history = _store.GetToolHistory(server.Id, tool.Name)
                    .Select(h => new ToolVersion(h.Hash, h.Definition, h.FirstSeen, h.LastSeen)).ToList();
                var page = new ToolPage(tool, view, history);
                writer.Write(page.Path, page.Render(_options));
                writer.Write(SitePaths.ToolJson(view.Slug, tool.Slug), JsonMirror.Tool(tool, view));
                if (tool.Policy is { } policy) writer.Write(SitePaths.ToolPolicy(view.Slug, tool.Slug), JsonMirror.PolicyFile(policy));
                pages.Add(page.Path);
                toolPages++;
                var c = tool.Classification;
                summaries.Add(new ToolSummary(server.Id, view.DisplayName, view.Slug, tool.Name, tool.Slug, c?.Category, c?.Risk,
                    c?.Tags ?? [], c?.Findings.Count ?? 0));
                CheckConsistency(view, tool, warnings);
            }

            var serverPage = new ServerPage(view);
            writer.Write(serverPage.Path, serverPage.Render(_options));
            writer.Write(SitePaths.ServerJson(view.Slug), JsonMirror.Server(view));
            if (view.Policy is { } serverPolicy) writer.Write(SitePaths.ServerPolicy(view.Slug), JsonMirror.PolicyFile(serverPolicy));
            pages.Add(serverPage.Path);
            serverSummaries.Add(new ServerSummary(server.Id, view.DisplayName, view.Slug, view.Tools.Count, view.CountByRisk, view.Attempt));
        }

        var byRisk = summaries.Where(t => t.Risk is not null).GroupBy(t => t.Risk!.Value).ToDictionary(g => g.Key, g => g.Count());
        var classified = summaries.Count(t => t.Risk is not null);
        writer.Write(SitePaths.Index, IndexPage.Render(serverSummaries, byRisk, summaries.Count, classified, _options));
        writer.Write(SitePaths.ApiIndex, JsonMirror.Index(serverSummaries, summaries.Count, byRisk));
        pages.Add(SitePaths.Index);
        WriteBrowsePages(writer, summaries, pages);
        writer.Write(SitePaths.Methodology, MethodologyPage.Render(_options));
        pages.Add(SitePaths.Methodology);
        writer.Write(SitePaths.NotFound, SupportFiles.NotFound(_options));
        writer.Write("robots.txt", SupportFiles.Robots(_options));
        writer.Write("sitemap.xml", SupportFiles.Sitemap(pages, _options));
        writer.Write(SitePaths.Css, SiteAssets.Css);
        writer.Write(SitePaths.Js, SiteAssets.Js);
        writer.Finish();

        return new SiteReport(toolPages, servers.Count, writer.FilesWritten, writer.FilesUnchanged, writer.FilesDeleted, warnings.ToList());
    }

    private ServerView LoadServer(Server server, string slug, CrawlAttempt? attempt, SortedSet<string> warnings)
    {
        var tools = _store.GetTools(server.Id).ToList();
        var toolSlugs = new SlugMap(tools.Select(t => t.Definition.Name));
        var views = tools
            .OrderBy(t => t.Definition.Name, StringComparer.Ordinal)
            .Select(t => new ToolView(t, toolSlugs[t.Definition.Name], ReadPolicy(server.Id, t.Definition.Name, warnings)))
            .ToList();
        return new ServerView(server, slug, attempt, views, ReadPolicy(server.Id, null, warnings));
    }

    private PolicyDocument? ReadPolicy(string serverId, string? tool, SortedSet<string> warnings)
    {
        var text = _store.GetPolicy(serverId, tool, PolicyFormat);
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

    private void WriteBrowsePages(SiteWriter writer, List<ToolSummary> all, List<string> pages)
    {
        void Page(string path, string title, string intro, IEnumerable<ToolSummary> tools)
        {
            writer.Write(path, BrowsePage.Render(path, title, intro, tools.ToList(), _options));
            pages.Add(path);
        }

        Page(SitePaths.Tools, "All tools", $"All {all.Count} tools in the catalog, by server.", all);
        foreach (var category in Enum.GetValues<Category>())
            Page(SitePaths.ByCategory(category), $"{category} tools", $"Tools in category {category}: {Text.Words.CategoryMeaning(category)}.", all.Where(t => t.Category == category));
        foreach (var risk in Enum.GetValues<RiskClass>())
            Page(SitePaths.ByRisk(risk), $"Risk class {risk}", $"Tools in risk class {risk}.", all.Where(t => t.Risk == risk));
        foreach (var tag in CapabilityTags.All)
            Page(SitePaths.ByTag(tag)!, $"Tools tagged {tag}", $"Tools tagged {tag}: {Text.Words.TagMeaning(tag)}.", all.Where(t => t.Tags.Contains(tag)));
    }
}
