using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Rendering;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>
/// Tool lists: <c>tools.html</c> with every tool, and one static page per category, class and tag so filtering works
/// without JavaScript. site.js adds a text filter on top.
/// </summary>
public static class BrowsePage
{
    public static string Render(string path, string title, string intro, IReadOnlyList<ToolSummary> tools, SiteOptions options)
    {
        var root = SitePaths.RootFrom(path);
        var rows = tools.Select(t => Html.Of(
            $"<tr data-text=\"{(t.ServerName + " " + t.Name + " " + string.Join(' ', t.Tags)).ToLowerInvariant()}\"><td><a href=\"{root}{SitePaths.Server(t.ServerSlug)}\">{t.ServerName}</a></td><td><a href=\"{root}{SitePaths.Tool(t.ServerSlug, t.Slug)}\">{t.Name}</a></td><td>{Cat(t.Category)}</td><td>{Risk(t.Risk)}</td><td>{Html.Join(t.Tags.Select(tag => Html.Of($"<span class=\"tag\">{tag}</span>")), " ")}</td></tr>"));
        var body = Html.Of($"""
            <h1>{title}</h1>
            <p class="lead">{intro}</p>
            {Filters(root)}
            <p class="filter-box" hidden><label>Filter <input type="search" data-filter="tools-table" placeholder="server, tool or tag"></label> <span class="muted small" data-count="tools-table"></span></p>
            <div class="scroll"><table class="tools" id="tools-table">
            <thead><tr><th>Server</th><th>Tool</th><th>Category</th><th>Risk</th><th>Tags</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            """);
        return Layout.Page(path, title, intro, body, options);
    }

    private static Markup Filters(string root)
    {
        var cats = Enum.GetValues<Category>().Select(c => Html.Of($"<a href=\"{root}{SitePaths.ByCategory(c)}\">{c.ToString()}</a>"));
        var risks = Enum.GetValues<RiskClass>().Select(r => Html.Of($"<a href=\"{root}{SitePaths.ByRisk(r)}\">{r.ToString()}</a>"));
        var tags = CapabilityTags.All.Select(t => Html.Of($"<a href=\"{root}{SitePaths.ByTag(t)}\">{t}</a>"));
        return Html.Of($"""
            <div class="filters">
            <p><strong>Category:</strong> {Html.Join(cats, " · ")} · <a href="{root}{SitePaths.Tools}">all</a></p>
            <p><strong>Risk class:</strong> {Html.Join(risks, " · ")}</p>
            <p><strong>Tag:</strong> {Html.Join(tags, " · ")}</p>
            </div>
            """);
    }

    private static Markup Cat(Category? c) => c is { } v ? Layout.Badge("cat", v.ToString()) : Html.Of($"—");

    private static Markup Risk(RiskClass? r) => r is { } v ? Layout.Badge("risk", v.ToString()) : Html.Of($"—");
}
