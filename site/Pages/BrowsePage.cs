using System.Globalization;
using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Rendering;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>
/// Tool lists, paginated as static pages so they work without JavaScript: <c>tools.html</c> (all tools) and one list
/// per category, class, tag and "has findings". On <c>tools.html</c> site.js adds search as you type over the prebuilt
/// index (<c>api/search/</c>, see <see cref="Search.SearchIndex"/>), filters by category, class, tag, server and findings,
/// and sorting.
/// </summary>
public static class BrowsePage
{
    public static Markup Render(string path, string title, string intro, IReadOnlyList<ToolSummary> tools, int page, int pages,
        string first, int total, bool search, SiteOptions options)
    {
        var root = SitePaths.RootFrom(path);
        var rows = tools.Select(t => Html.Of(
            $"<tr><td><a href=\"{root}{SitePaths.Tool(t.ServerSlug, t.Slug)}\">{t.Name}</a></td><td><a href=\"{root}{SitePaths.Server(t.ServerSlug)}\">{t.ServerName}</a></td><td>{Cat(t.Category)}</td><td>{Risk(t.Risk)}</td><td>{Html.Join(t.Tags.Select(tag => Html.Of($"<span class=\"tag\">{tag}</span>")), " ")}</td><td class=\"num\">{t.Findings}</td></tr>"));
        var from = (page - 1) * SiteGenerator.PageSize + 1;
        var range = total == 0 ? "No tools." : $"Tools {from}–{from + tools.Count - 1} of {total}.";
        var empty = tools.Count == 0 ? Html.Of($"<tr><td colspan=\"6\" class=\"muted\">No tools in this list yet.</td></tr>") : Markup.Empty;
        var heading = page > 1 ? $"{title}, page {page}" : title;
        var body = Html.Of($"""
            <h1>{heading}</h1>
            <p class="lead">{intro}</p>
            {(search ? SearchForm() : Markup.Empty)}
            {Filters(root, first)}
            <p class="muted small" id="range">{range}</p>
            <div class="scroll"><table class="tools" id="tools-table">
            <thead><tr><th>Tool</th><th>Server</th><th>Category</th><th>Risk</th><th>Tags</th><th class="num">Findings</th></tr></thead>
            <tbody id="tools-body">{empty}{Html.Join(rows, "\n")}</tbody>
            </table></div>
            {Pager(root, first, page, pages)}
            """);
        return Layout.Page(path, heading, intro, body, options);
    }

    private static Markup SearchForm()
    {
        var cats = Enum.GetValues<Category>().Select(c => Html.Of($"<option value=\"{((int)c).ToString(CultureInfo.InvariantCulture)}\">{c.ToString()}</option>"));
        var risks = Enum.GetValues<RiskClass>().Select(r => Html.Of($"<option value=\"{((int)r).ToString(CultureInfo.InvariantCulture)}\">{r.ToString()}</option>"));
        var tags = CapabilityTags.All.Select(t => Html.Of($"<option value=\"{t}\">{t}</option>"));
        return Html.Of($"""
            <form class="search" id="search" role="search" hidden>
            <p class="searchrow"><label for="q">Search tools</label> <input type="search" id="q" name="q" autocomplete="off" placeholder="name, server, description or tag"></p>
            <div class="selects">
            <label>Category <select id="f-category"><option value="">any</option>{cats}</select></label>
            <label>Risk <select id="f-risk"><option value="">any</option>{risks}</select></label>
            <label>Tag <select id="f-tag"><option value="">any</option>{tags}</select></label>
            <label>Server <select id="f-server"><option value="">any</option></select></label>
            <label>Findings <select id="f-findings"><option value="">any</option><option value="1">with findings</option><option value="0">without</option></select></label>
            <label>Sort <select id="f-sort"><option value="server">server, tool</option><option value="name">tool name</option><option value="risk">risk, highest first</option><option value="findings">most findings</option></select></label>
            </div>
            <p class="muted small" id="status" aria-live="polite"></p>
            </form>
            """);
    }

    private static Markup Filters(string root, string current)
    {
        Markup Link(string href, string label) => href == current
            ? Html.Of($"<strong aria-current=\"page\">{label}</strong>")
            : Html.Of($"<a href=\"{root}{href}\">{label}</a>");
        var cats = Enum.GetValues<Category>().Select(c => Link(SitePaths.ByCategory(c), c.ToString()));
        var risks = Enum.GetValues<RiskClass>().Select(r => Link(SitePaths.ByRisk(r), r.ToString()));
        var tags = CapabilityTags.All.Select(t => Link(SitePaths.ByTag(t)!, t));
        return Html.Of($"""
            <nav class="filters" aria-label="Lists">
            <p><strong>List:</strong> {Link(SitePaths.Tools, "all tools")} · {Link(SitePaths.Findings, "with findings")}</p>
            <p><strong>Category:</strong> {Html.Join(cats, " · ")}</p>
            <p><strong>Risk class:</strong> {Html.Join(risks, " · ")}</p>
            <p><strong>Tag:</strong> {Html.Join(tags, " · ")}</p>
            </nav>
            """);
    }

    private static Markup Pager(string root, string first, int page, int pages)
    {
        if (pages <= 1) return Markup.Empty;
        Markup To(int p, string label, string rel = "") => Html.Of($"<a href=\"{root}{SitePaths.Paged(first, p)}\"{(rel.Length == 0 ? Markup.Empty : Html.Of($" rel=\"{rel}\""))}>{label}</a>");
        var numbers = new SortedSet<int> { 1, pages };
        for (var p = Math.Max(1, page - 2); p <= Math.Min(pages, page + 2); p++) numbers.Add(p);
        var parts = new List<Markup>();
        var last = 0;
        foreach (var p in numbers)
        {
            if (p > last + 1) parts.Add(Html.Of($"<span class=\"gap\">…</span>"));
            parts.Add(p == page ? Html.Of($"<strong aria-current=\"page\">{p}</strong>") : To(p, p.ToString(CultureInfo.InvariantCulture)));
            last = p;
        }
        var prev = page > 1 ? To(page - 1, "‹ Previous", "prev") : Html.Of($"<span class=\"muted\">‹ Previous</span>");
        var next = page < pages ? To(page + 1, "Next ›", "next") : Html.Of($"<span class=\"muted\">Next ›</span>");
        return Html.Of($"<nav class=\"pager\" aria-label=\"Pages\">{prev} {Html.Join(parts, " ")} {next}</nav>");
    }

    private static Markup Cat(Category? c) => c is { } v ? Layout.Badge("cat", v.ToString()) : Html.Of($"—");

    private static Markup Risk(RiskClass? r) => r is { } v ? Layout.Badge("risk", v.ToString()) : Html.Of($"—");
}
