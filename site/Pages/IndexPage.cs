using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>The home page: totals, and every server with its counts by class and last crawl status.</summary>
public static class IndexPage
{
    public static string Render(IReadOnlyList<ServerSummary> servers, IReadOnlyDictionary<RiskClass, int> byRisk, int tools, int classified, SiteOptions options)
    {
        var rows = servers.Select(s => Html.Of($"""
            <tr><td><a href="{SitePaths.Server(s.Slug)}">{s.Name}</a><div class="muted small"><code>{s.Id}</code></div></td><td class="num">{s.ToolCount}</td>{Html.Join(Enum.GetValues<RiskClass>().Select(r => Html.Of($"<td class=\"num\">{s.CountByRisk.GetValueOrDefault(r)}</td>")))}<td>{Status(s.Attempt)}</td></tr>
            """));
        var heads = Html.Join(Enum.GetValues<RiskClass>().Select(r => Html.Of($"<th class=\"num\"><a href=\"{SitePaths.ByRisk(r)}\">{r.ToString()}</a></th>")));
        var classes = Html.Join(Enum.GetValues<RiskClass>().Select(r =>
            Html.Of($"<li><a href=\"{SitePaths.ByRisk(r)}\">{Layout.Badge("risk", r.ToString())}</a> {byRisk.GetValueOrDefault(r)}</li>")));
        var body = Html.Of($"""
            <h1>{Layout.SiteName}</h1>
            <p class="lead">Every tool of {Words.Plural(servers.Count, "MCP server", "MCP servers")}, classified by what a call does to the world (Read, Write, Destructive) and by risk class, with a recommended gateway policy for each.</p>
            <section id="totals"><h2>Totals</h2>
            <p>{Words.Plural(tools, "tool", "tools")} on {Words.Plural(servers.Count, "server", "servers")}; {classified} classified. <a href="{SitePaths.Tools}">Browse all tools</a>.</p>
            {Charts.RiskBar(byRisk)}
            <ul class="counts">{classes}</ul>
            </section>
            <section id="servers"><h2>Servers</h2>
            <p class="filter-box" hidden><label>Filter servers <input type="search" data-filter="servers-table" placeholder="name or id"></label></p>
            <div class="scroll"><table class="servers" id="servers-table">
            <thead><tr><th>Server</th><th class="num">Tools</th>{heads}<th>Last crawl</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            </section>
            """);
        return Layout.Page(SitePaths.Index, "Servers", "Risk classes and recommended gateway policies for every tool of every catalogued MCP server.", body, options).Value;
    }

    private static Markup Status(CrawlAttempt? a) => a is null
        ? Html.Of($"<span class=\"muted\">not crawled</span>")
        : Html.Of($"<span class=\"status status-{a.Status.ToString().ToLowerInvariant()}\">{a.Status.ToString()}</span> <span class=\"muted small\">{Dates.Day(a.At)}</span>");
}
