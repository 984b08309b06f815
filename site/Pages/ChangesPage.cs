using System.Globalization;
using System.Text;
using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>Recent changes between crawls (tools added, removed, redefined), as a page and an Atom feed.</summary>
public static class ChangesPage
{
    public const int FeedEntries = 50;

    /// <summary>An event with the page it concerns (the tool's when it still exists, else the server's, else none).</summary>
    public sealed record Change(ChangeEvent Event, string ServerName, string? ServerPath, string? ToolPath);

    public static IReadOnlyList<Change> Resolve(IReadOnlyList<ChangeEvent> events, IReadOnlyDictionary<string, (string Name, string Slug)> servers,
        IReadOnlyDictionary<string, Output.SlugMap> toolSlugs)
    {
        return events.Select(e =>
        {
            var known = servers.TryGetValue(e.ServerId, out var s);
            string? tool = null;
            if (known && e.ToolName is { } name && e.Kind != "removed" && toolSlugs.TryGetValue(e.ServerId, out var map) && map.TryGet(name, out var slug))
                tool = SitePaths.Tool(s.Slug, slug);
            return new Change(e, known ? s.Name : e.ServerId, known ? SitePaths.Server(s.Slug) : null, tool);
        }).ToList();
    }

    public static string Render(IReadOnlyList<Change> changes, SiteOptions options)
    {
        var rows = changes.Select(c =>
        {
            var e = c.Event;
            var server = c.ServerPath is null ? Html.Of($"{c.ServerName}") : Html.Of($"<a href=\"{c.ServerPath}\">{c.ServerName}</a>");
            var tool = e.ToolName is null ? Html.Of($"—") : c.ToolPath is null ? Html.Of($"{e.ToolName}") : Html.Of($"<a href=\"{c.ToolPath}\">{e.ToolName}</a>");
            return Html.Of($"<tr><td>{Dates.Day(e.At)}</td><td><span class=\"kind kind-{KindClass(e.Kind)}\">{e.Kind}</span></td><td>{server}</td><td>{tool}</td><td>{Html.Truncate(e.Detail, 300)}</td></tr>");
        });
        var table = changes.Count == 0 ? Html.Of($"<p class=\"muted\">No changes have been recorded yet.</p>") : Html.Of($"""
            <div class="scroll"><table class="changes">
            <thead><tr><th>Date</th><th>Change</th><th>Server</th><th>Tool</th><th>Detail</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            """);
        var body = Html.Of($"""
            <h1>Recent changes</h1>
            <p class="lead">What the crawler saw change between runs: tools added, removed or redefined. A redefined tool is classified again. Follow it in a feed reader: <a href="{SitePaths.ChangesFeed}" type="application/atom+xml">changes.atom</a>.</p>
            {table}
            """);
        return Layout.Page(SitePaths.Changes, "Recent changes", "Tools added, removed and redefined on catalogued MCP servers.", body, options).Value;
    }

    /// <summary>An Atom 1.0 feed of the newest changes. Its dates come from the events, never from the clock.</summary>
    public static string Atom(IReadOnlyList<Change> changes, SiteOptions options)
    {
        var root = options.NormalizedBaseUrl ?? "";
        var updated = changes.Count == 0 ? "1970-01-01T00:00:00Z" : Stamp(changes.Max(c => c.Event.At));
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("<title>").Append(Html.Xml(Layout.SiteName + ": recent changes")).Append("</title>\n");
        sb.Append("<id>urn:mcp-tool-risk-catalog:changes</id>\n");
        sb.Append("<updated>").Append(updated).Append("</updated>\n");
        sb.Append("<link rel=\"self\" href=\"").Append(Html.Xml(root + SitePaths.ChangesFeed)).Append("\"/>\n");
        sb.Append("<link rel=\"alternate\" type=\"text/html\" href=\"").Append(Html.Xml(root + SitePaths.Changes)).Append("\"/>\n");
        sb.Append("<author><name>").Append(Html.Xml(Layout.SiteName)).Append("</name></author>\n");
        foreach (var c in changes.Take(FeedEntries))
        {
            var e = c.Event;
            var title = e.ToolName is null ? $"{e.Kind}: {c.ServerName}" : $"{e.Kind}: {e.ToolName} on {c.ServerName}";
            sb.Append("<entry>\n<title>").Append(Html.Xml(Html.Truncate(title, 300))).Append("</title>\n");
            sb.Append("<id>urn:mcp-tool-risk-catalog:event:").Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append("</id>\n");
            sb.Append("<updated>").Append(Stamp(e.At)).Append("</updated>\n");
            if ((c.ToolPath ?? c.ServerPath) is { } href) sb.Append("<link href=\"").Append(Html.Xml(root + href)).Append("\"/>\n");
            sb.Append("<summary>").Append(Html.Xml(Html.Truncate(e.Detail ?? title, 1000))).Append("</summary>\n</entry>\n");
        }
        return sb.Append("</feed>\n").ToString();
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string KindClass(string kind) => kind switch
    {
        "added" => "added",
        "removed" => "removed",
        "definition-changed" => "changed",
        _ => "other",
    };
}
