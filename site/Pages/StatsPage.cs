using Catalog.Data.Model;
using Catalog.Site.Build;
using Catalog.Site.Output;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>Catalog statistics as inline SVG charts (no script, no external request), each with its numbers as text.</summary>
public static class StatsPage
{
    public const int TopServers = 15;

    public static string Render(SiteStats stats, IReadOnlyList<ServerSummary> servers, SiteOptions options)
    {
        var categories = Enum.GetValues<Category>()
            .Select(c => (c.ToString(), stats.ByCategory.GetValueOrDefault(c), $"fill-cat-{c.ToString().ToLowerInvariant()}", (string?)SitePaths.ByCategory(c))).ToList();
        var classes = Enum.GetValues<RiskClass>()
            .Select(r => (r.ToString(), stats.ByRisk.GetValueOrDefault(r), $"fill-{r.ToString().ToLowerInvariant()}", (string?)SitePaths.ByRisk(r))).ToList();
        var tags = CapabilityTags.All.Select(t => (t, stats.ByTag.GetValueOrDefault(t), "fill-tag", SitePaths.ByTag(t)))
            .OrderByDescending(t => t.Item2).ThenBy(t => t.t, StringComparer.Ordinal).ToList();
        var top = servers
            .OrderByDescending(s => s.CountByRisk.GetValueOrDefault(RiskClass.Critical))
            .ThenByDescending(s => s.CountByRisk.GetValueOrDefault(RiskClass.High))
            .ThenByDescending(s => s.ToolCount).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Where(s => s.ToolCount > 0).Take(TopServers)
            .Select(s => (s.Name, s.CountByRisk, (string?)SitePaths.Server(s.Slug))).ToList();
        var provenance = stats.ByProvenance.Select(p => (p.Key.ToLowerInvariant(), p.Value, "fill-tag", (string?)null)).ToList();
        var status = stats.ServersByStatus.Select(p => (p.Key, p.Value, p.Key switch { "Ok" => "fill-low", "Failed" => "fill-critical", _ => "fill-tag" }, (string?)null)).ToList();
        var body = Html.Of($"""
            <h1>Catalog statistics</h1>
            <p class="lead">{Words.Plural(stats.Tools, "tool", "tools")} on {Words.Plural(servers.Count, "server", "servers")}; {stats.Classified} classified; {Words.Plural(stats.WithFindings, "tool has", "tools have")} findings ({stats.FindingsTotal} in all).</p>
            <section id="by-category"><h2>Tools by category</h2>{Charts.Bars("Tools by category", categories)}</section>
            <section id="by-class"><h2>Tools by risk class</h2>{Charts.Bars("Tools by risk class", classes)}</section>
            <section id="by-tag"><h2>Tools by capability tag</h2>{Charts.Bars("Tools by capability tag", tags)}</section>
            <section id="top-servers"><h2>Servers with the most high-risk tools</h2>
            <p>Ordered by Critical tools, then High, then all tools; the bar shows every class from Low (left) to Critical.</p>
            {Charts.StackedRisk("Servers by tools per risk class", top)}</section>
            <section id="coverage"><h2>Coverage</h2>
            <h3>How tool lists were obtained</h3>
            <p>Live means the server was started in the sandbox and asked over MCP; the other sources are less faithful.</p>
            {Charts.Bars("Tools by provenance", provenance)}
            <h3>Servers by last crawl</h3>
            {Charts.Bars("Servers by last crawl status", status)}
            </section>
            """);
        return Layout.Page(SitePaths.Stats, "Statistics", "Distributions of MCP tools by category, risk class and capability tag, the servers with the most high-risk tools, and crawl coverage.", body, options).Value;
    }
}
